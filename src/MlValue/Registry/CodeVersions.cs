using System.Reflection;

namespace MlValue.Registry;

/// <summary>
/// The code version recorded with a version when neither the registration nor the options give one:
/// the informational version of the entry assembly (the application that registers), else MlValue's.
/// </summary>
internal static class CodeVersions
{
    public static string Default()
        => Of(Assembly.GetEntryAssembly()) ?? Of(typeof(CodeVersions).Assembly) ?? "unknown";

    public static string? Of(Assembly? assembly)
    {
        if (assembly is null)
        {
            return null;
        }

        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return string.IsNullOrWhiteSpace(informational) ? assembly.GetName().Version?.ToString() : informational;
    }
}
