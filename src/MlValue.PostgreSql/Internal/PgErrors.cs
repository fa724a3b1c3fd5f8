using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace MlValue.Internal;

/// <summary>
/// What an Npgsql failure means and what to do about it, in words every PostgreSQL store puts in its own exception
/// type. The server is named by host, port, database and user; the password never appears.
/// </summary>
internal static class PgErrors
{
    private const string Setting = "MlValue:PostgreSql:ConnectionString";

    /// <summary>The problem and its remedy, for <paramref name="operation"/> of <paramref name="store"/> on <paramref name="server"/>.</summary>
    public static string Message(NpgsqlException error, string store, string operation, string server, string schema)
    {
        var where = $"{operation} of the {store} on PostgreSQL ({server}, schema '{schema}')";
        return Problem(error, server, schema) is { } problem
            ? $"{where} failed: {problem}"
            : $"{where} failed ({Describe(error)}). Nothing was committed by the failed statement. Check the server log for this error; if it repeats, restore the schema '{schema}' from a backup or ask the database administrator.";
    }

    /// <summary>The start-up check's message: the same problems, naming the setting to fix.</summary>
    public static string StartupMessage(NpgsqlException error, string server, string schema)
        => $"The PostgreSQL stores cannot start: the check of {Setting} ({server}) failed: {Problem(error, server, schema) ?? Describe(error) + $". Fix {Setting}, or check the server log for this error."}";

    private static string? Problem(NpgsqlException error, string server, string schema)
    {
        if (error is PostgresException failure)
        {
            return failure.SqlState switch
            {
                "28P01" or "28000" => $"the server refused the credentials ({failure.MessageText}). Fix Username and Password in {Setting}, or give the user access in pg_hba.conf.",
                "3D000" => $"the database does not exist ({failure.MessageText}). Create it (CREATE DATABASE …) or fix Database in {Setting}.",
                "42501" => $"the user lacks a privilege ({failure.MessageText}). Grant it USAGE and CREATE on schema '{schema}' and CREATE on the database, or use the user that owns the schema.",
                "3F000" or "42P01" or "42883" => $"the schema '{schema}' or one of its tables is missing ({failure.MessageText}), although this process migrated it: it was dropped while in use. Restore it from a backup; to start empty, restart the process, which creates it again.",
                "53300" => $"the server has no free connection slot ({failure.MessageText}). Raise max_connections on the server or lower Maximum Pool Size in {Setting}.",
                _ when failure.IsTransient => $"a transient error persisted through every retry ({failure.MessageText}). Nothing was committed. Retry later, or raise MlValue:PostgreSql:MaxTransientRetries.",
                _ => null,
            };
        }

        if (error.InnerException is SocketException or TimeoutException || error.InnerException?.InnerException is SocketException)
        {
            return $"the server cannot be reached ({Describe(error)}). Start PostgreSQL, or fix Host and Port in {Setting}; for the tests, run: bash eng/postgres.sh start.";
        }

        return error.IsTransient
            ? $"the connection failed through every retry ({Describe(error)}). A change whose commit was under way may have been committed; read it back before repeating it. Check that the server runs and is reachable, or raise MlValue:PostgreSql:MaxTransientRetries."
            : null;
    }

    private static string Describe(NpgsqlException error)
        => error is PostgresException failure
            ? string.Create(CultureInfo.InvariantCulture, $"{failure.SqlState}: {failure.MessageText}")
            : error.InnerException is { } inner ? $"{error.Message} {inner.Message}" : error.Message;
}
