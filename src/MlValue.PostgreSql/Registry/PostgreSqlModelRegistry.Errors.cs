using MlValue.Internal;
using Npgsql;

namespace MlValue.Registry;

/// <summary>The one place where the registry's Npgsql failures become <see cref="RegistryStoreException"/>s that say what, where and how.</summary>
internal sealed partial class PostgreSqlModelRegistry
{
    private Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken, string operation)
        => _database.RunAsync((connection, transaction, token) => work(connection, transaction!, token), transaction: true, "model registry", operation, (message, error) => Failure(message, error, operation), cancellationToken);

    private Task<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken, string operation)
        => _database.RunAsync((connection, _, token) => work(connection, token), transaction: false, "model registry", operation, (message, error) => Failure(message, error, operation), cancellationToken);

    private RegistryStoreException Failure(string message, NpgsqlException error, string operation)
        => new(message, error)
        {
            StorePath = _database.Server + ";Schema=" + _database.Schema,
            Operation = operation,
        };
}
