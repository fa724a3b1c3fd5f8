using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MlValue.Registry;

internal sealed partial class SqliteModelRegistry
{
    public async Task<ModelVersion> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var model = RegistryNames.ModelName(registration.ModelName);
        RegistrationRules.Check(registration, model);

        // 0. The database exists (or is refused as damaged) before any blob: blobs without a database always mean lost metadata.
        await _database.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);

        // 1. Blobs first, each written crash-safely and verified: nothing refers to them yet.
        var artifactSha = await _store.WriteAsync(registration.Artifact.Content, cancellationToken).ConfigureAwait(false);
        var attachments = new SortedDictionary<string, (string Sha, byte[] Bytes)>(StringComparer.Ordinal);
        foreach (var (name, bytes) in registration.Attachments)
        {
            attachments[name] = (await _store.WriteAsync(bytes, cancellationToken).ConfigureAwait(false), bytes);
        }

        var createdAt = VersionRows.Timestamp(_time.GetUtcNow());
        var codeVersion = string.IsNullOrWhiteSpace(registration.CodeVersion) ? _settings.CodeVersion : registration.CodeVersion;

        // 2. One transaction makes the version visible with the next number.
        var registered = await _database.WriteAsync(
            async (connection, transaction, token) =>
            {
                // Under the write lock, garbage collection cannot run: re-check the blobs it may have removed before.
                await EnsureBlobAsync(artifactSha, registration.Artifact.Content, token).ConfigureAwait(false);
                foreach (var (sha, bytes) in attachments.Values)
                {
                    await EnsureBlobAsync(sha, bytes, token).ConfigureAwait(false);
                }

                var number = Convert.ToInt32(await RegistryCommands.ScalarAsync(connection, transaction, RegistrySql.NextVersion, token, ("$model", model)).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (registration.ParentVersion is { } parent && (parent < 1 || parent >= number))
                {
                    throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"Model '{model}': parent version {parent} is not an earlier version (this registration would be version {number}). Give the version it was derived from, or none."));
                }

                await RegistryCommands.ExecuteAsync(
                    connection, transaction, RegistrySql.InsertVersion, token,
                    ("$model", model), ("$version", number), ("$format", registration.Artifact.FormatId), ("$sha", artifactSha),
                    ("$size", (long)registration.Artifact.Content.Length), ("$trainer", registration.TrainerName),
                    ("$hyper", VersionRows.Json(registration.Hyperparameters)), ("$seed", registration.Seed),
                    ("$train", VersionRows.Json(registration.TrainingDatasetIds)), ("$eval", VersionRows.Json(registration.EvaluationDatasetIds)),
                    ("$parent", registration.ParentVersion), ("$code", codeVersion), ("$created", createdAt)).ConfigureAwait(false);
                await InsertPairsAsync(connection, transaction, RegistrySql.InsertMetric, model, number, registration.Metrics.Select(p => (p.Key, (object)p.Value)), token).ConfigureAwait(false);
                await InsertPairsAsync(connection, transaction, RegistrySql.InsertTag, model, number, registration.Tags.Select(p => (p.Key, (object)p.Value)), token).ConfigureAwait(false);
                await InsertPairsAsync(connection, transaction, RegistrySql.InsertAttachment, model, number, attachments.Select(p => (p.Key, (object)p.Value.Sha)), token).ConfigureAwait(false);
                return (await VersionRows.ReadAllAsync(connection, transaction, RegistrySql.SelectVersion, token, ("$model", model), ("$version", number)).ConfigureAwait(false)).Single();
            },
            cancellationToken).ConfigureAwait(false);
        _telemetry.RecordVersionRegistered(model);
        return registered;
    }

    private async Task EnsureBlobAsync(string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (!await _store.ExistsAsync(sha256, cancellationToken).ConfigureAwait(false))
        {
            await _store.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task InsertPairsAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, string model, int version, IEnumerable<(string Name, object Value)> pairs, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in pairs)
        {
            await RegistryCommands.ExecuteAsync(connection, transaction, sql, cancellationToken, ("$model", model), ("$version", version), ("$name", name), ("$value", value)).ConfigureAwait(false);
        }
    }
}
