using System.Globalization;
using MlValue.Registry;

namespace MlValue.Testing;

public sealed partial class InMemoryModelRegistry
{
    /// <inheritdoc />
    public Task<ModelLineage?> GetLineageAsync(string modelName, int version, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        lock (_gate)
        {
            if (Find(modelName, version) is not { } found)
            {
                return Task.FromResult<ModelLineage?>(null);
            }

            var promotions = _aliases
                .Where(a => a.Key.Model == modelName)
                .SelectMany(a => a.Value)
                .Where(m => m.ToVersion == version)
                .OrderBy(m => m.MovedAt)
                .ThenBy(m => m.Alias, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult<ModelLineage?>(new ModelLineage { Version = found, Promotions = promotions });
        }
    }

    /// <inheritdoc />
    public Task<RetentionResult> ApplyRetentionAsync(string modelName, RetentionPolicy policy, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.KeepLast < 1)
        {
            throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"Retention of model '{modelName}': KeepLast must be at least 1 (the newest version is always kept); it is {policy.KeepLast}."));
        }

        lock (_gate)
        {
            List<int> archived = [], deleted = [], kept = [];
            var versions = _models.TryGetValue(modelName, out var found) ? found : [];
            var aliased = _aliases.Where(a => a.Key.Model == modelName && a.Value.Count > 0).Select(a => a.Value[^1].ToVersion).ToHashSet();
            foreach (var version in versions.Values.Reverse().Skip(policy.KeepLast).ToList())
            {
                if (aliased.Contains(version.Version))
                {
                    kept.Add(version.Version);
                }
                else if (policy.Action == RetentionAction.Delete)
                {
                    versions.Remove(version.Version);
                    deleted.Add(version.Version);
                }
                else if (!version.Archived)
                {
                    versions[version.Version] = Archive(version);
                    archived.Add(version.Version);
                }
            }

            archived.Sort();
            deleted.Sort();
            kept.Sort();
            return Task.FromResult(new RetentionResult { ModelName = modelName, Archived = archived, Deleted = deleted, KeptForAliases = kept });
        }
    }

    /// <inheritdoc />
    public Task<GarbageCollectionResult> CollectGarbageAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var referenced = _models.Values.SelectMany(m => m.Values).SelectMany(v => v.Attachments.Values.Append(v.ArtifactSha256)).ToHashSet(StringComparer.Ordinal);
            var deleted = _blobs.Keys.Where(sha => !referenced.Contains(sha)).Order(StringComparer.Ordinal).ToList();
            foreach (var sha256 in deleted)
            {
                _blobs.Remove(sha256);
            }

            return Task.FromResult(new GarbageCollectionResult { DeletedBlobs = deleted, KeptBlobs = _blobs.Count, RemovedTempFiles = 0 });
        }
    }

    private static ModelVersion Archive(ModelVersion v) => new()
    {
        ModelName = v.ModelName, Version = v.Version, FormatId = v.FormatId, ArtifactSha256 = v.ArtifactSha256, ArtifactSize = v.ArtifactSize,
        TrainerName = v.TrainerName, Hyperparameters = v.Hyperparameters, Seed = v.Seed, TrainingDatasetIds = v.TrainingDatasetIds,
        EvaluationDatasetIds = v.EvaluationDatasetIds, Metrics = v.Metrics, ParentVersion = v.ParentVersion, CodeVersion = v.CodeVersion,
        CreatedAt = v.CreatedAt, Tags = v.Tags, Attachments = v.Attachments, Archived = true,
    };
}
