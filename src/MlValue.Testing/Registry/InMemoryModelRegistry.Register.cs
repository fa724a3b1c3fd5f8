using System.Globalization;
using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Testing;

public sealed partial class InMemoryModelRegistry
{
    /// <inheritdoc />
    public Task<ModelVersion> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Register(registration));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelVersion>> SearchAsync(ModelQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ModelName is not null)
        {
            RegistryNames.ModelName(query.ModelName);
        }

        if (query.Alias is not null)
        {
            RegistryNames.Alias(query.Alias);
        }

        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ModelVersion>>([.. _models.OrderBy(m => m.Key, StringComparer.Ordinal).SelectMany(m => m.Value.Values).Where(v => Matches(query, v))]);
        }
    }

    private bool Matches(ModelQuery query, ModelVersion v)
        => (query.ModelName is null || v.ModelName == query.ModelName)
            && (query.IncludeArchived || !v.Archived)
            && (query.TagKey is null || (v.Tags.TryGetValue(query.TagKey, out var tag) && (query.TagValue is null || tag == query.TagValue)))
            && (query.Alias is null || CurrentAlias(v.ModelName, query.Alias) == v.Version)
            && (query.MetricName is null || (v.Metrics.TryGetValue(query.MetricName, out var metric) && (query.MinMetricValue is not { } min || metric >= min)));

    private ModelVersion Register(ModelRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var model = RegistryNames.ModelName(registration.ModelName);
        RegistrationRules.Check(registration, model);
        lock (_gate)
        {
            var number = (_lastNumbers.TryGetValue(model, out var last) ? last : 0) + 1;
            if (registration.ParentVersion is { } parent && (parent < 1 || parent >= number))
            {
                throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"Model '{model}': parent version {parent} is not an earlier version (this registration would be version {number}). Give the version it was derived from, or none."));
            }

            var attachments = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, bytes) in registration.Attachments)
            {
                attachments[name] = Store(bytes);
            }

            var version = new ModelVersion
            {
                ModelName = model,
                Version = number,
                FormatId = registration.Artifact.FormatId,
                ArtifactSha256 = Store(registration.Artifact.Content.Span),
                ArtifactSize = registration.Artifact.Content.Length,
                TrainerName = registration.TrainerName,
                Hyperparameters = new SortedDictionary<string, string>(registration.Hyperparameters.ToDictionary(), StringComparer.Ordinal),
                Seed = registration.Seed,
                TrainingDatasetIds = [.. registration.TrainingDatasetIds],
                EvaluationDatasetIds = [.. registration.EvaluationDatasetIds],
                Metrics = new SortedDictionary<string, double>(registration.Metrics.ToDictionary(), StringComparer.Ordinal),
                ParentVersion = registration.ParentVersion,
                CodeVersion = string.IsNullOrWhiteSpace(registration.CodeVersion) ? CodeVersion : registration.CodeVersion,
                CreatedAt = _time.GetUtcNow(),
                Tags = new SortedDictionary<string, string>(registration.Tags.ToDictionary(), StringComparer.Ordinal),
                Attachments = attachments,
            };
            _lastNumbers[model] = number;
            (_models.TryGetValue(model, out var versions) ? versions : _models[model] = [])[number] = version;
            return version;
        }
    }

    /// <summary>Stores a blob under its SHA-256 (a damaged blob at that address is replaced) and returns the address.</summary>
    private string Store(ReadOnlySpan<byte> bytes)
    {
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        _blobs[sha256] = bytes.ToArray();
        return sha256;
    }
}
