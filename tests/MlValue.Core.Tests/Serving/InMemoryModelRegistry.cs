using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Tests.Serving;

/// <summary>An in-memory <see cref="IModelRegistry"/> for serving tests, with a switch to corrupt an artifact.</summary>
internal sealed class InMemoryModelRegistry(TimeProvider time) : IModelRegistry
{
    private readonly object _gate = new();
    private readonly List<ModelVersion> _versions = [];
    private readonly Dictionary<(string, int), ModelRegistration> _registrations = [];
    private readonly Dictionary<(string, string), List<AliasMove>> _aliases = [];
    private readonly HashSet<(string, int)> _corrupt = [];

    public int ArtifactLoads { get; private set; }

    public int Publish(string modelName, string formatId, byte[] content)
        => RegisterAsync(new ModelRegistration { ModelName = modelName, Artifact = new ModelArtifact(formatId, content), TrainerName = "test" }).Result.Version;

    public void Corrupt(string modelName, int version)
    {
        lock (_gate)
        {
            _corrupt.Add((modelName, version));
        }
    }

    public void Point(string modelName, string alias, int version)
    {
        lock (_gate)
        {
            var current = _aliases.TryGetValue((modelName, alias), out var moves) ? moves[^1].ToVersion : (int?)null;
            SetAliasAsync(modelName, alias, version, current, "test").GetAwaiter().GetResult();
        }
    }

    public Task<ModelVersion> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var number = _versions.Count(v => v.ModelName == registration.ModelName) + 1;
            var version = new ModelVersion
            {
                ModelName = registration.ModelName, Version = number, FormatId = registration.Artifact.FormatId,
                ArtifactSha256 = registration.Artifact.Sha256, ArtifactSize = registration.Artifact.Content.Length,
                TrainerName = registration.TrainerName, Hyperparameters = registration.Hyperparameters, Seed = registration.Seed,
                TrainingDatasetIds = registration.TrainingDatasetIds, EvaluationDatasetIds = registration.EvaluationDatasetIds,
                Metrics = registration.Metrics, ParentVersion = registration.ParentVersion, CodeVersion = "test",
                CreatedAt = time.GetUtcNow(), Tags = registration.Tags,
                Attachments = registration.Attachments.ToDictionary(a => a.Key, a => a.Key),
            };
            _versions.Add(version);
            _registrations[(registration.ModelName, number)] = registration;
            return Task.FromResult(version);
        }
    }

    public Task<ModelVersion?> GetVersionAsync(string modelName, int version, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_versions.FirstOrDefault(v => v.ModelName == modelName && v.Version == version));
        }
    }

    public Task<ModelVersion?> GetByAliasAsync(string modelName, string alias, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _aliases.TryGetValue((modelName, alias), out var moves)
                ? GetVersionAsync(modelName, moves[^1].ToVersion, cancellationToken)
                : Task.FromResult<ModelVersion?>(null);
        }
    }

    public Task<ModelArtifact> LoadArtifactAsync(string modelName, int version, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ArtifactLoads++;
            if (_corrupt.Contains((modelName, version)))
            {
                throw new ModelRegistryException($"Artifact of model '{modelName}' version {version} does not match its SHA-256.");
            }

            return _registrations.TryGetValue((modelName, version), out var registration)
                ? Task.FromResult(registration.Artifact)
                : throw new ModelRegistryException($"Model '{modelName}' has no version {version}.");
        }
    }

    public Task<byte[]?> LoadAttachmentAsync(string modelName, int version, string attachmentName, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_registrations.TryGetValue((modelName, version), out var r) && r.Attachments.TryGetValue(attachmentName, out var bytes) ? bytes : null);
        }
    }

    public Task<AliasMove> SetAliasAsync(string modelName, string alias, int version, int? expectedCurrentVersion, string reason, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var moves = _aliases.TryGetValue((modelName, alias), out var existing) ? existing : _aliases[(modelName, alias)] = [];
            var current = moves.Count == 0 ? (int?)null : moves[^1].ToVersion;
            if (current != expectedCurrentVersion)
            {
                throw new AliasConflictException($"Alias '{alias}' of '{modelName}' points to {current}, not {expectedCurrentVersion}.");
            }

            var move = new AliasMove { ModelName = modelName, Alias = alias, FromVersion = current, ToVersion = version, MovedAt = time.GetUtcNow(), Reason = reason };
            moves.Add(move);
            return Task.FromResult(move);
        }
    }

    public Task<AliasMove> RollbackAliasAsync(string modelName, string alias, string reason, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var moves = _aliases[(modelName, alias)];
            var back = moves[^1].FromVersion ?? throw new ModelRegistryException($"Alias '{alias}' of '{modelName}' has no previous version.");
            return SetAliasAsync(modelName, alias, back, moves[^1].ToVersion, reason, cancellationToken);
        }
    }

    public Task<IReadOnlyList<AliasMove>> GetAliasHistoryAsync(string modelName, string alias, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AliasMove>>(_aliases.TryGetValue((modelName, alias), out var moves) ? [.. moves] : []);
        }
    }

    public Task<IReadOnlyList<ModelVersion>> SearchAsync(ModelQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ModelVersion>>(
                [.. _versions.Where(v => query.ModelName is null || v.ModelName == query.ModelName).OrderBy(v => v.ModelName, StringComparer.Ordinal).ThenBy(v => v.Version)]);
        }
    }
}
