using System.Globalization;
using MlValue.Diagnostics;
using MlValue.Internal;
using Npgsql;

namespace MlValue.Registry;

internal sealed partial class PostgreSqlModelRegistry
{
    public Task<ModelVersion> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken = default)
        => RegisterAsync(registration, Guid.NewGuid(), cancellationToken);

    /// <summary>
    /// Registers under <paramref name="idempotencyKey"/>: the blobs and the version are written in one transaction,
    /// retried whole on a transient error, and a try that finds the key already committed (its commit reached the
    /// server, its answer did not) returns that version instead of numbering another.
    /// </summary>
    internal async Task<ModelVersion> RegisterAsync(ModelRegistration registration, Guid idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var model = RegistryNames.ModelName(registration.ModelName);
        RegistrationRules.Check(registration, model);

        var content = registration.Artifact.Content;
        var artifactSha = PgBlobs.Sha256(content.Span);
        var attachments = new SortedDictionary<string, (string Sha, byte[] Bytes)>(StringComparer.Ordinal);
        foreach (var (name, bytes) in registration.Attachments)
        {
            attachments[name] = (PgBlobs.Sha256(bytes), bytes);
        }

        var createdAt = PgCommands.Stored(_time.GetUtcNow());
        var codeVersion = string.IsNullOrWhiteSpace(registration.CodeVersion) ? _settings.CodeVersion : registration.CodeVersion;
        var registered = await WriteAsync(
            async (connection, transaction, token) =>
            {
                await PgCommands.ExecuteAsync(connection, transaction, RegistrySql.LockBlobsShared, token, ("key", BlobLockKey)).ConfigureAwait(false);
                if (await PgCommands.ScalarAsync(connection, transaction, RegistrySql.FindByIdempotencyKey, token, ("key", idempotencyKey), ("model", model)).ConfigureAwait(false) is int existing)
                {
                    return (await PgVersionRows.ReadAllAsync(connection, transaction, RegistrySql.SelectVersion, token, ("model", model), ("version", existing)).ConfigureAwait(false)).Single();
                }

                await PgBlobs.WriteAsync(connection, transaction, artifactSha, content, createdAt, token).ConfigureAwait(false);
                foreach (var (sha, bytes) in attachments.Values)
                {
                    await PgBlobs.WriteAsync(connection, transaction, sha, bytes, createdAt, token).ConfigureAwait(false);
                }

                var number = Convert.ToInt32(await PgCommands.ScalarAsync(connection, transaction, RegistrySql.NextVersion, token, ("model", model)).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (registration.ParentVersion is { } parent && (parent < 1 || parent >= number))
                {
                    throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"Model '{model}': parent version {parent} is not an earlier version (this registration would be version {number}). Give the version it was derived from, or none."));
                }

                await PgCommands.ExecuteAsync(
                    connection, transaction, RegistrySql.InsertVersionWithKey, token,
                    ("model", model), ("version", number), ("format", registration.Artifact.FormatId), ("sha", artifactSha),
                    ("size", (long)content.Length), ("trainer", registration.TrainerName),
                    ("hyper", PgVersionRows.Json(registration.Hyperparameters)), ("seed", PgTyped.Integer(registration.Seed)),
                    ("train", PgVersionRows.Json(registration.TrainingDatasetIds)), ("eval", PgVersionRows.Json(registration.EvaluationDatasetIds)),
                    ("parent", PgTyped.Integer(registration.ParentVersion)), ("code", codeVersion), ("created", createdAt), ("key", idempotencyKey)).ConfigureAwait(false);
                await InsertPairsAsync(connection, transaction, RegistrySql.InsertMetric, model, number, registration.Metrics.Select(p => (p.Key, (object)p.Value)), token).ConfigureAwait(false);
                await InsertPairsAsync(connection, transaction, RegistrySql.InsertTag, model, number, registration.Tags.Select(p => (p.Key, (object)p.Value)), token).ConfigureAwait(false);
                await InsertPairsAsync(connection, transaction, RegistrySql.InsertAttachment, model, number, attachments.Select(p => (p.Key, (object)p.Value.Sha)), token).ConfigureAwait(false);
                return (await PgVersionRows.ReadAllAsync(connection, transaction, RegistrySql.SelectVersion, token, ("model", model), ("version", number)).ConfigureAwait(false)).Single();
            },
            cancellationToken,
            nameof(RegisterAsync)).ConfigureAwait(false);
        _telemetry.RecordVersionRegistered(model);
        return registered;
    }

    private static async Task InsertPairsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string model, int version, IEnumerable<(string Name, object Value)> pairs, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in pairs)
        {
            await PgCommands.ExecuteAsync(connection, transaction, sql, cancellationToken, ("model", model), ("version", version), ("name", name), ("value", value)).ConfigureAwait(false);
        }
    }
}
