using System.Text.Json;
using MlValue.Internal;
using Npgsql;

namespace MlValue.Registry;

/// <summary>Maps between <see cref="ModelVersion"/> and its PostgreSQL rows (the JSON columns are written as the SQLite store writes them).</summary>
internal static class PgVersionRows
{
    public static string Json(IReadOnlyDictionary<string, string> values)
        => JsonSerializer.Serialize(new SortedDictionary<string, string>(values.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal));

    public static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    private static Head ReadHead(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetInt32(1),
        row.GetString(2),
        row.GetString(3),
        row.GetInt64(4),
        row.GetString(5),
        row.GetString(6),
        row.IsDBNull(7) ? null : row.GetInt32(7),
        row.GetString(8),
        row.GetString(9),
        row.IsDBNull(10) ? null : row.GetInt32(10),
        row.GetString(11),
        row.GetFieldValue<DateTimeOffset>(12),
        row.GetBoolean(13));

    public static async Task<List<ModelVersion>> ReadAllAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var heads = await PgCommands.ListAsync(connection, transaction, sql, ReadHead, cancellationToken, parameters).ConfigureAwait(false);
        var versions = new List<ModelVersion>(heads.Count);
        foreach (var head in heads)
        {
            versions.Add(await CompleteAsync(connection, transaction, head, cancellationToken).ConfigureAwait(false));
        }

        return versions;
    }

    private static async Task<ModelVersion> CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Head head, CancellationToken cancellationToken)
    {
        (string, object?)[] key = [("model", head.ModelName), ("version", head.Version)];
        var metrics = await PgCommands.ListAsync(connection, transaction, RegistrySql.SelectMetrics, r => KeyValuePair.Create(r.GetString(0), r.GetDouble(1)), cancellationToken, key).ConfigureAwait(false);
        var tags = await PgCommands.ListAsync(connection, transaction, RegistrySql.SelectTags, r => KeyValuePair.Create(r.GetString(0), r.GetString(1)), cancellationToken, key).ConfigureAwait(false);
        var attachments = await PgCommands.ListAsync(connection, transaction, RegistrySql.SelectAttachments, r => KeyValuePair.Create(r.GetString(0), r.GetString(1)), cancellationToken, key).ConfigureAwait(false);
        return new ModelVersion
        {
            ModelName = head.ModelName,
            Version = head.Version,
            FormatId = head.FormatId,
            ArtifactSha256 = head.Sha256,
            ArtifactSize = head.Size,
            TrainerName = head.Trainer,
            Hyperparameters = Sorted(JsonSerializer.Deserialize<Dictionary<string, string>>(head.Hyperparameters) ?? []),
            Seed = head.Seed,
            TrainingDatasetIds = JsonSerializer.Deserialize<List<string>>(head.TrainingIds) ?? [],
            EvaluationDatasetIds = JsonSerializer.Deserialize<List<string>>(head.EvaluationIds) ?? [],
            Metrics = Sorted(metrics),
            ParentVersion = head.Parent,
            CodeVersion = head.CodeVersion,
            CreatedAt = head.CreatedAt,
            Tags = Sorted(tags),
            Attachments = Sorted(attachments),
            Archived = head.Archived,
        };
    }

    private static SortedDictionary<string, T> Sorted<T>(IEnumerable<KeyValuePair<string, T>> pairs)
    {
        var sorted = new SortedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            sorted[key] = value;
        }

        return sorted;
    }

    private sealed record Head(
        string ModelName, int Version, string FormatId, string Sha256, long Size, string Trainer, string Hyperparameters,
        int? Seed, string TrainingIds, string EvaluationIds, int? Parent, string CodeVersion, DateTimeOffset CreatedAt, bool Archived);
}
