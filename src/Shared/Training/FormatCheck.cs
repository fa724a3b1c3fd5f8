namespace MlValue.Training;

internal static class FormatCheck
{
    /// <summary>The short form of an artifact's hash used in messages.</summary>
    public static string Short(ModelArtifact artifact) => "sha256:" + artifact.Sha256[..12];

    public static void Matches(ModelArtifact artifact, string formatId)
    {
        if (!string.Equals(artifact.FormatId, formatId, StringComparison.Ordinal))
        {
            throw new ModelLoadException(
                $"The artifact sha256:{artifact.Sha256[..12]} has format '{artifact.FormatId}', but this loader reads '{formatId}'. How to fix: load it through ModelFormatRegistry, which picks the loader by format id.");
        }
    }
}
