using System.Globalization;

namespace MlValue.Benchmarks.Support;

/// <summary>Pre-built correlation ids (a real service receives them with the request), cycled so the request path allocates none.</summary>
public static class CorrelationIds
{
    /// <summary>Builds <paramref name="count"/> distinct ids.</summary>
    /// <param name="count">How many.</param>
    /// <param name="prefix">A prefix distinguishing producers.</param>
    /// <returns>The ids.</returns>
    public static string[] Create(int count, string prefix)
        => [.. Enumerable.Range(0, count).Select(i => prefix + i.ToString("x8", CultureInfo.InvariantCulture))];
}
