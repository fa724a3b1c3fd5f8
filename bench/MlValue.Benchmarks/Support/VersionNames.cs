using System.Globalization;

namespace MlValue.Benchmarks.Support;

/// <summary>Version numbers as strings, built once (what a monitoring observer keeps per loaded version), so recording allocates nothing.</summary>
public static class VersionNames
{
    private static readonly string[] Names = [.. Enumerable.Range(0, 256).Select(v => v.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The version's name.</summary>
    /// <param name="version">The version number.</param>
    /// <returns>Its invariant decimal string.</returns>
    public static string Of(int version) => (uint)version < (uint)Names.Length ? Names[version] : version.ToString(CultureInfo.InvariantCulture);
}
