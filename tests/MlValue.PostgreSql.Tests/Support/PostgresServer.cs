using System.Globalization;
using MlValue.Internal;
using MlValue.Tests.Support;
using Npgsql;

namespace MlValue.PostgreSql.Tests.Support;

/// <summary>
/// The test server (<see cref="PostgresTestServer"/>, shared with the other test projects that run on PostgreSQL: the
/// connection string in <c>MLVALUE_POSTGRES</c>, failing without it, a fresh schema per test) and the statements these
/// tests run on it.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = PostgresTestServer.Variable;

    public static string ConnectionString => PostgresTestServer.ConnectionString;

    /// <summary>Returns the connection string, or fails the test with what to do.</summary>
    public static string Require(string? value) => PostgresTestServer.Require(value);

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchema() => PostgresTestServer.NewSchema();

    /// <summary>Options on the test server and <paramref name="schema"/>, retrying without waiting (the tests' clocks are fake).</summary>
    public static PostgreSqlOptions Options(string schema) => new()
    {
        ConnectionString = ConnectionString,
        Schema = schema,
        RetryDelay = TimeSpan.Zero,
    };

    /// <summary>The connection string with one key changed (the port, the password, the database).</summary>
    public static string With(Action<NpgsqlConnectionStringBuilder> change)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        change(builder);
        return builder.ConnectionString;
    }

    public static async Task<int> ExecuteAsync(string schema, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(schema);
        return await PgCommands.ExecuteAsync(connection, null, sql, CancellationToken.None, parameters);
    }

    public static async Task<object?> ScalarAsync(string schema, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(schema);
        return await PgCommands.ScalarAsync(connection, null, sql, CancellationToken.None, parameters);
    }

    public static async Task<long> CountAsync(string schema, string sql, params (string Name, object? Value)[] parameters)
        => Convert.ToInt64(await ScalarAsync(schema, sql, parameters), CultureInfo.InvariantCulture);

    /// <summary>
    /// Ends the server sessions of a killed client (by its application_name) and waits until they are gone: a
    /// statement it sent before it died (a COMMIT among them) has then finished or been rolled back, so what the test
    /// reads next no longer changes under it.
    /// </summary>
    public static async Task EndSessionsAsync(string applicationName)
    {
        await using var connection = await OpenAsync("public");
        var ended = await PgCommands.ListAsync(
            connection, null, "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE application_name = @name AND pid <> pg_backend_pid();", r => r.GetBoolean(0), CancellationToken.None, ("name", applicationName));
        Assert.IsTrue(ended.All(e => e), $"the server sessions of {applicationName} ended");
    }

    public static Task DropSchemaAsync(string schema) => PostgresTestServer.DropSchemaAsync(schema);

    private static async Task<NpgsqlConnection> OpenAsync(string schema)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
