using System.Text.RegularExpressions;
using Npgsql;

namespace MlValue.Tests.Support;

/// <summary>
/// The PostgreSQL server of the tests: the connection string in <c>MLVALUE_POSTGRES</c> (printed by
/// <c>bash eng/postgres.sh start</c>). Without it every test that needs it fails, never skips: a run that checked nothing
/// must not look green. Each test works in a fresh schema of its own, created on first use and dropped by
/// <see cref="DropSchemaAsync"/>. Shared as source by the test projects that run on PostgreSQL.
/// </summary>
internal static partial class PostgresTestServer
{
    public const string Variable = "MLVALUE_POSTGRES";

    public static string ConnectionString => Require(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Returns the connection string, or fails the test with what to do.</summary>
    public static string Require(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Assert.Fail($"The PostgreSQL tests need a server: the environment variable {Variable} is not set. Run `bash eng/postgres.sh start` and `export {Variable}=\"$(bash eng/postgres.sh url)\"` (the start command prints that line), then run the tests again.");
        }

        return value!;
    }

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N");

    /// <summary>Drops <paramref name="schema"/> and everything in it, if it exists.</summary>
    public static async Task DropSchemaAsync(string schema)
    {
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException($"'{schema}' is not a schema name of the tests (lower-case letters, digits and '_', at most 63 characters).", nameof(schema));
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE;", connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
