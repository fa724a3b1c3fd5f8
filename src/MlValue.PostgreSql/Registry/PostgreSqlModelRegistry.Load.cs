using System.Globalization;
using MlValue.Diagnostics;
using MlValue.Internal;
using MlValue.Training;

namespace MlValue.Registry;

internal sealed partial class PostgreSqlModelRegistry
{
    public async Task<ModelArtifact> LoadArtifactAsync(string modelName, int version, CancellationToken cancellationToken = default)
    {
        var found = await FindVersionAsync(modelName, version, cancellationToken).ConfigureAwait(false) ?? throw NoSuchVersion(modelName, version);
        var bytes = await ReadVerifiedAsync(found, "artifact", found.ArtifactSha256, found.ArtifactSize, cancellationToken, nameof(LoadArtifactAsync)).ConfigureAwait(false);
        return new ModelArtifact(found.FormatId, bytes);
    }

    public async Task<byte[]?> LoadAttachmentAsync(string modelName, int version, string attachmentName, CancellationToken cancellationToken = default)
    {
        RegistryNames.AttachmentName(attachmentName);
        var found = await FindVersionAsync(modelName, version, cancellationToken).ConfigureAwait(false) ?? throw NoSuchVersion(modelName, version);
        return found.Attachments.TryGetValue(attachmentName, out var sha256)
            ? await ReadVerifiedAsync(found, $"attachment '{attachmentName}'", sha256, null, cancellationToken, nameof(LoadAttachmentAsync)).ConfigureAwait(false)
            : null;
    }

    /// <summary>Reads a blob chunk by chunk, bounded by its recorded size when known, and verifies its SHA-256.</summary>
    private async Task<byte[]> ReadVerifiedAsync(ModelVersion found, string what, string sha256, long? size, CancellationToken cancellationToken, string operation)
    {
        try
        {
            return await ReadAsync((connection, token) => PgBlobs.ReadAsync(connection, sha256, size, token), cancellationToken, operation).ConfigureAwait(false);
        }
        catch (ArtifactIntegrityException error)
        {
            _telemetry.RecordIntegrityFailure(found.ModelName);
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"The {what} of model '{found.ModelName}' version {found.Version} failed verification: expected SHA-256 {sha256}, actual {error.ActualSha256 ?? "none (" + error.Problem + ")"}. It is stored in PostgreSQL ({_database.Server}, schema '{_database.Schema}', tables blobs and blob_chunks). Nothing was loaded. Restore the schema from a backup, or register the same artifact again: that rewrites the damaged chunks and repairs this version too.");
            throw new ArtifactIntegrityException(message, error) { ExpectedSha256 = sha256, ActualSha256 = error.ActualSha256, Problem = error.Problem };
        }
    }
}
