using Microsoft.Extensions.Options;
using MlValue.Internal;
using MlValue.Registry;
using Npgsql;

namespace MlValue.DependencyInjection;

/// <summary>
/// Checks <see cref="PostgreSqlOptions"/> at start-up: the connection string parses, the schema is a plain
/// identifier, the retry settings are in range, and (unless <see cref="PostgreSqlOptions.CheckConnectionOnStart"/> is off)
/// one connection opens, so an unreachable server, wrong credentials or a missing database fail the start with a
/// <see cref="RegistryStoreException"/> that names the setting and the fix, never the password.
/// </summary>
internal sealed class PostgreSqlOptionsValidator : IValidateOptions<PostgreSqlOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlOptions options)
    {
        var failures = new List<string>();
        NpgsqlConnectionStringBuilder? connection = null;
        try
        {
            connection = PgDatabase.ConnectionString(options);
        }
        catch (ArgumentException error)
        {
            failures.Add(Plain(error));
        }

        try
        {
            PgDatabase.CheckSchema(options.Schema);
        }
        catch (ArgumentException error)
        {
            failures.Add(Plain(error));
        }

        if (options.MaxTransientRetries is < 0 or > 20)
        {
            failures.Add($"MlValue:PostgreSql:MaxTransientRetries must be between 0 and 20; it is {options.MaxTransientRetries}.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"MlValue:PostgreSql:RetryDelay must be between 00:00:00 and 00:01:00; it is {options.RetryDelay}.");
        }

        if (failures.Count > 0)
        {
            return ValidateOptionsResult.Fail(failures);
        }

        if (options.CheckConnectionOnStart)
        {
            Ping(connection!, options.Schema);
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>Opens and closes one connection (not pooled, so nothing stays open).</summary>
    /// <exception cref="RegistryStoreException">The server cannot be reached, refuses the credentials, or has no such database.</exception>
    internal static void Ping(NpgsqlConnectionStringBuilder connectionString, string schema)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString.ConnectionString) { Pooling = false };
        try
        {
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
        }
        catch (NpgsqlException error)
        {
            var server = PgDatabase.Describe(builder);
            throw new RegistryStoreException(PgErrors.StartupMessage(error, server, schema), error)
            {
                StorePath = server + ";Schema=" + schema,
                Operation = "start-up check",
            };
        }
    }

    private static string Plain(ArgumentException error) => error.Message[..(error.ParamName is { } p && error.Message.EndsWith($" (Parameter '{p}')", StringComparison.Ordinal) ? error.Message.Length - $" (Parameter '{p}')".Length : error.Message.Length)];
}
