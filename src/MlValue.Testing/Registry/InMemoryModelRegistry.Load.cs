using System.Security.Cryptography;
using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Testing;

public sealed partial class InMemoryModelRegistry
{
    /// <inheritdoc />
    public Task<ModelArtifact> LoadArtifactAsync(string modelName, int version, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        lock (_gate)
        {
            _artifactLoads++;
            var found = Find(modelName, version) ?? throw NoSuchVersion(modelName, version);
            return Task.FromResult(new ModelArtifact(found.FormatId, Verified(found, "artifact", found.ArtifactSha256)));
        }
    }

    /// <inheritdoc />
    public Task<byte[]?> LoadAttachmentAsync(string modelName, int version, string attachmentName, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.AttachmentName(attachmentName);
        lock (_gate)
        {
            var found = Find(modelName, version) ?? throw NoSuchVersion(modelName, version);
            return Task.FromResult(found.Attachments.TryGetValue(attachmentName, out var sha256) ? Verified(found, $"attachment '{attachmentName}'", sha256) : null);
        }
    }

    private byte[] Verified(ModelVersion found, string what, string sha256)
    {
        var actual = _blobs.TryGetValue(sha256, out var bytes) ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null;
        if (bytes is null || actual != sha256)
        {
            throw new ArtifactIntegrityException($"The {what} of model '{found.ModelName}' version {found.Version} failed verification: expected SHA-256 {sha256}, actual {actual ?? "none (the blob is missing)"}. Nothing was loaded.")
            {
                ExpectedSha256 = sha256,
                ActualSha256 = actual,
            };
        }

        return [.. bytes];
    }
}
