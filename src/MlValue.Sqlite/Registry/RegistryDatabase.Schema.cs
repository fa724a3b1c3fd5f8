using System.Data;
using MlValue.Internal;

namespace MlValue.Registry;

internal sealed partial class RegistryDatabase
{
    private async Task EnsureSchemaAsync(string operation, CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            Directory.CreateDirectory(_settings.RootDirectory);
            await CreateOrRefuseAsync(operation, cancellationToken).ConfigureAwait(false);
            await _busyRetry.ExecuteAsync(
                async token =>
                {
                    var connection = await OpenAsync(token).ConfigureAwait(false);
                    await using (connection.ConfigureAwait(false))
                    {
                        await RegistryCommands.ExecuteAsync(connection, null, RegistrySql.JournalModeWal, token).ConfigureAwait(false);
                        var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
                        await using (transaction.ConfigureAwait(false))
                        {
                            await RegistryCommands.ExecuteAsync(connection, transaction, RegistrySql.CreateSchema, token).ConfigureAwait(false);
                            await RegistryCommands.ExecuteAsync(connection, transaction, RegistrySql.CreateImmutabilityTrigger, token).ConfigureAwait(false);
                            await transaction.CommitAsync(token).ConfigureAwait(false);
                        }
                    }
                },
                cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>
    /// An empty database file is refused; a missing one is refused when blobs exist (their versions are lost),
    /// else created atomically with its schema. Registrations make sure of the database before writing any blob,
    /// so blobs without a database are never the trace of an interrupted first registration.
    /// </summary>
    private async Task CreateOrRefuseAsync(string operation, CancellationToken cancellationToken)
    {
        var path = _settings.DatabasePath;
        if (SqliteFiles.IsEmpty(path))
        {
            throw Refusal(operation, EmptyDatabase(await _countBlobs(cancellationToken).ConfigureAwait(false)));
        }

        if (File.Exists(path))
        {
            return;
        }

        // Count first, then look again: another process always creates the database before its first blob.
        var blobs = await _countBlobs(cancellationToken).ConfigureAwait(false);
        if (blobs > 0 && !File.Exists(path))
        {
            throw Refusal(operation, MissingDatabase(blobs));
        }

        SqliteFiles.CreateAtomically(path, connection =>
        {
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constants of RegistrySql only.
            command.CommandText = RegistrySql.JournalModeWal + "\n" + RegistrySql.CreateSchema + "\n" + RegistrySql.CreateImmutabilityTrigger;
#pragma warning restore CA2100
            command.ExecuteNonQuery();
        });
    }
}
