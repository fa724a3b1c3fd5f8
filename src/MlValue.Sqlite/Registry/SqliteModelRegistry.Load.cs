using System.Globalization;
using MlValue.Training;

namespace MlValue.Registry;

internal sealed partial class SqliteModelRegistry
{
    public async Task<ModelArtifact> LoadArtifactAsync(string modelName, int version, CancellationToken cancellationToken = default)
    {
        var found = await FindVersionAsync(modelName, version, cancellationToken).ConfigureAwait(false) ?? throw NoSuchVersion(modelName, version);
        var bytes = await ReadVerifiedAsync(found, "artifact", found.ArtifactSha256, found.ArtifactSize, cancellationToken).ConfigureAwait(false);
        var artifact = new ModelArtifact(found.FormatId, bytes);
        if (!string.Equals(artifact.Sha256, found.ArtifactSha256, StringComparison.Ordinal))
        {
            throw IntegrityFailure(found, "artifact", found.ArtifactSha256, artifact.Sha256, null, null);
        }

        return artifact;
    }

    public async Task<byte[]?> LoadAttachmentAsync(string modelName, int version, string attachmentName, CancellationToken cancellationToken = default)
    {
        RegistryNames.AttachmentName(attachmentName);
        var found = await FindVersionAsync(modelName, version, cancellationToken).ConfigureAwait(false) ?? throw NoSuchVersion(modelName, version);
        return found.Attachments.TryGetValue(attachmentName, out var sha256)
            ? await ReadVerifiedAsync(found, $"attachment '{attachmentName}'", sha256, null, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>Reads a blob bounded by its recorded size (when known) so a damaged path can never make a read unbounded.</summary>
    private async Task<byte[]> ReadVerifiedAsync(ModelVersion found, string what, string sha256, long? size, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = size is { } expected
                ? await _store.ReadBoundedAsync(sha256, expected, cancellationToken).ConfigureAwait(false)
                : await _store.ReadAsync(sha256, cancellationToken).ConfigureAwait(false);
        }
        catch (ArtifactIntegrityException error)
        {
            throw IntegrityFailure(found, what, sha256, error.ActualSha256, error.Problem, error);
        }

        if (size is { } recorded && bytes.LongLength != recorded)
        {
            throw IntegrityFailure(found, what, sha256, null, string.Create(CultureInfo.InvariantCulture, $"the blob holds {bytes.LongLength} bytes, not the {recorded} recorded"), null);
        }

        return bytes;
    }

    private ArtifactIntegrityException IntegrityFailure(ModelVersion found, string what, string expected, string? actual, string? problem, Exception? cause)
    {
        _telemetry.RecordIntegrityFailure(found.ModelName);
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"The {what} of model '{found.ModelName}' version {found.Version} failed verification: expected SHA-256 {expected}, actual {actual ?? "none (" + (problem ?? "the blob is missing") + ")"}. Nothing was loaded. Restore the blob from a backup, or register the same artifact again: that rewrites the blob and repairs this version too.");
        return cause is null
            ? new ArtifactIntegrityException(message) { ExpectedSha256 = expected, ActualSha256 = actual, Problem = problem }
            : new ArtifactIntegrityException(message, cause) { ExpectedSha256 = expected, ActualSha256 = actual, Problem = problem };
    }
}
