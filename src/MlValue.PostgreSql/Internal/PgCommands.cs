using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace MlValue.Internal;

/// <summary>A parameter value with its PostgreSQL type, for a <see langword="null"/> the server could not type from its context.</summary>
internal readonly record struct PgTyped(NpgsqlDbType Type, object? Value)
{
    public static PgTyped Text(string? value) => new(NpgsqlDbType.Text, value);

    public static PgTyped Integer(int? value) => new(NpgsqlDbType.Integer, value);

    public static PgTyped Double(double? value) => new(NpgsqlDbType.Double, value);
}

/// <summary>
/// Runs statement constants with named parameters. The shared statements are written with SQLite's
/// <c>$name</c> prefix; they are turned into Npgsql's <c>@name</c> here, once per statement text.
/// </summary>
internal static partial class PgCommands
{
    private static readonly ConcurrentDictionary<string, string> Translated = new(StringComparer.Ordinal);

    /// <summary>A time as <c>timestamptz</c> keeps it: UTC, whole microseconds, so what a call returns equals what it reads back later.</summary>
    public static DateTimeOffset Stored(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static string Translate(string sql) => Translated.GetOrAdd(sql, static text => DollarParameter().Replace(text, "@$1"));

    public static NpgsqlCommand Create(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
#pragma warning disable CA2100 // The text is always a constant of the statement classes; values go through parameters.
        var command = new NpgsqlCommand(Translate(sql), connection, transaction);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameterName = name.TrimStart('$', '@');
            switch (value)
            {
                case PgTyped typed:
                    command.Parameters.Add(new NpgsqlParameter(parameterName, typed.Type) { Value = typed.Value ?? DBNull.Value });
                    break;
                case DateTimeOffset time:
                    command.Parameters.AddWithValue(parameterName, time.ToUniversalTime());
                    break;
                default:
                    command.Parameters.AddWithValue(parameterName, value ?? DBNull.Value);
                    break;
            }
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Create(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Create(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }

    public static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Create(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(map(reader));
                }

                return rows;
            }
        }
    }

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex DollarParameter();
}
