using System.Text.RegularExpressions;
using Npgsql;

namespace MlValue.Samples.SpamLoop.Storage;

/// <summary>The PostgreSQL side of <c>--store postgres</c>: the connection string and a fresh schema per run.</summary>
public static partial class PostgresStore
{
    /// <summary>The environment variable read when <c>--postgres</c> is not given (the one <c>eng/postgres.sh start</c> exports).</summary>
    public const string Variable = "MLVALUE_POSTGRES";

    /// <summary>The connection string: <see cref="SpamLoopOptions.PostgresConnectionString"/>, else <c>MLVALUE_POSTGRES</c>.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The connection string.</returns>
    /// <exception cref="StoreUnavailableException">Neither is set.</exception>
    public static string ConnectionString(SpamLoopOptions options) => ConnectionString(options, Environment.GetEnvironmentVariable(Variable));

    /// <summary>The connection string: <see cref="SpamLoopOptions.PostgresConnectionString"/>, else <paramref name="environmentValue"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="environmentValue">The value of <c>MLVALUE_POSTGRES</c>.</param>
    /// <returns>The connection string.</returns>
    /// <exception cref="StoreUnavailableException">Neither is set.</exception>
    public static string ConnectionString(SpamLoopOptions options, string? environmentValue)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = string.IsNullOrWhiteSpace(options.PostgresConnectionString) ? environmentValue : options.PostgresConnectionString;
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StoreUnavailableException(
                $"--store postgres needs a PostgreSQL connection string: pass --postgres \"Host=127.0.0.1;Port=5432;Username=…;Password=…;Database=…\" or set {Variable}. " +
                $"For a throwaway local server run `eval \"$(bash eng/postgres.sh start)\"` (it prints the export {Variable}=… line) and stop it afterwards with `bash eng/postgres.sh stop`.");
        }

        return value;
    }

    /// <summary>Drops the loop's schema if it exists, so the run starts from empty stores as the embedded run starts from an empty <c>store</c> folder; the stores create it again on first use.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="schema">The schema (lower-case letters, digits and <c>_</c>).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public static async Task ResetSchemaAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        if (!SchemaName().IsMatch(schema))
        {
            throw new StoreUnavailableException($"--postgres-schema '{schema}' is not a schema name the stores accept: lower-case letters, digits and '_', starting with a letter or '_', at most 63 characters.");
        }

        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            throw new StoreUnavailableException(
                $"The PostgreSQL server at {builder.Host}:{builder.Port} (database {builder.Database}, user {builder.Username}) could not be used to reset the schema {schema}: {ex.Message} " +
                $"Check --postgres or {Variable}; for a local server run `eval \"$(bash eng/postgres.sh start)\"`.",
                ex);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
