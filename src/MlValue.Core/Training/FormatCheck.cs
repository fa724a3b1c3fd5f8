namespace MlValue.Training;

internal static class FormatCheck
{
    public static void Matches(ModelArtifact artifact, string formatId)
    {
        if (!string.Equals(artifact.FormatId, formatId, StringComparison.Ordinal))
        {
            throw new ModelLoadException(
                $"The artifact sha256:{artifact.Sha256[..12]} has format '{artifact.FormatId}', but this loader reads '{formatId}'. How to fix: load it through ModelFormatRegistry, which picks the loader by format id.");
        }
    }
}
