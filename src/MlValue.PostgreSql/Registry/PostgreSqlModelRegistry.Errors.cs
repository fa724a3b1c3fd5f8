using MlValue.Internal;
using Npgsql;

namespace MlValue.Registry;

/// <summary>The one place where the registry's Npgsql failures become <see cref="RegistryStoreException"/>s that say what, where and how.</summary>
internal sealed partial class PostgreSqlModelRegistry
{
    private async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken, string operation)
    {
        try
        {
            return await _database.RunAsync((connection, transaction, token) => work(connection, transaction!, token), transaction: true, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw Failure(error, operation);
        }
    }

    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken, string operation)
    {
        try
        {
            return await _database.RunAsync((connection, _, token) => work(connection, token), transaction: false, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw Failure(error, operation);
        }
    }

    private RegistryStoreException Failure(NpgsqlException error, string operation)
        => new(PgErrors.Message(error, "model registry", operation, _database.Server, _database.Schema), error)
        {
            StorePath = _database.Server + ";Schema=" + _database.Schema,
            Operation = operation,
        };
}
