using System.Globalization;
using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Testing;

/// <summary>
/// A model registry in memory with its content-addressed blobs: it implements <see cref="IModelRegistry"/> and
/// <see cref="IModelRegistryMaintenance"/> and passes <see cref="ModelRegistryContractTests"/>. For tests of code
/// that uses a registry (serving, promotion, hosting), with helpers to publish, point an alias and corrupt a blob.
/// Thread-safe; nothing survives the instance.
/// </summary>
public sealed partial class InMemoryModelRegistry : IModelRegistry, IModelRegistryMaintenance
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<int, ModelVersion>> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Model, string Alias), List<AliasMove>> _aliases = [];

    /// <summary>Creates an empty registry.</summary>
    /// <param name="timeProvider">The clock for registration and alias-move times. Default: <see cref="TimeProvider.System"/>.</param>
    public InMemoryModelRegistry(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The code version recorded with a registration that gives none. Default: <c>in-memory</c>.</summary>
    public string CodeVersion { get; init; } = "in-memory";

    /// <summary>How many times an artifact was loaded (successfully or not), for tests of caching and hot swap.</summary>
    public int ArtifactLoads
    {
        get
        {
            lock (_gate)
            {
                return _artifactLoads;
            }
        }
    }

    private int _artifactLoads;

    /// <summary>Registers <paramref name="content"/> as the next version of <paramref name="modelName"/> with placeholder lineage.</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="formatId">The artifact's format id.</param>
    /// <param name="content">The artifact's bytes.</param>
    /// <returns>The new version number.</returns>
    public int Publish(string modelName, string formatId, byte[] content)
        => Register(new ModelRegistration
        {
            ModelName = modelName,
            Artifact = new ModelArtifact(formatId, content),
            TrainerName = "test",
            TrainingDatasetIds = ["test-dataset"],
        }).Version;

    /// <summary>Points <paramref name="alias"/> at <paramref name="version"/>, whatever it points to now (a recorded move).</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="version">The version.</param>
    public void Point(string modelName, string alias, int version)
    {
        lock (_gate)
        {
            Move(modelName, alias, version, CurrentAlias(modelName, alias), "test");
        }
    }

    /// <summary>Changes the stored bytes of a version's artifact so that they no longer match its SHA-256.</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="version">The version.</param>
    /// <exception cref="ModelRegistryException">The version does not exist.</exception>
    public void Corrupt(string modelName, int version)
    {
        lock (_gate)
        {
            CorruptBlob(Find(modelName, version)?.ArtifactSha256 ?? throw NoSuchVersion(modelName, version));
        }
    }

    /// <summary>Changes the stored bytes of a blob (artifact or attachment) so that they no longer match its address.</summary>
    /// <param name="sha256">The blob's address.</param>
    /// <returns><see langword="true"/> when the blob exists and was changed.</returns>
    public bool CorruptBlob(string sha256)
    {
        lock (_gate)
        {
            if (!_blobs.TryGetValue(sha256, out var bytes))
            {
                return false;
            }

            _blobs[sha256] = [.. bytes, (byte)'!'];
            return true;
        }
    }

    /// <inheritdoc />
    public Task<ModelVersion?> GetVersionAsync(string modelName, int version, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        lock (_gate)
        {
            return Task.FromResult(Find(modelName, version));
        }
    }

    /// <inheritdoc />
    public Task<ModelVersion?> GetByAliasAsync(string modelName, string alias, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.Alias(alias);
        lock (_gate)
        {
            return Task.FromResult(CurrentAlias(modelName, alias) is { } version ? Find(modelName, version) : null);
        }
    }

    private ModelVersion? Find(string modelName, int version)
        => _models.TryGetValue(modelName, out var versions) && versions.TryGetValue(version, out var found) ? found : null;

    private int? CurrentAlias(string modelName, string alias)
        => _aliases.TryGetValue((modelName, alias), out var moves) && moves.Count > 0 ? moves[^1].ToVersion : null;

    private static ModelRegistryException NoSuchVersion(string modelName, int version)
        => new(string.Create(CultureInfo.InvariantCulture, $"Model '{modelName}' has no version {version}."));
}
