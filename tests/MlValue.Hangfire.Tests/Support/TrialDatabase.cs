using System.Threading.Channels;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using MlValue.Hangfire.Trials;
using MlValue.Runs;
using MlValue.Tests.Support;
using Npgsql;

namespace MlValue.Hangfire.Tests.Support;

/// <summary>
/// The trials' PostgreSQL side: a schema for MlValue's stores and one for Hangfire, the trial tables, and
/// notifications the test waits on instead of polling: <c>trial_points</c> (a worker at its kill point),
/// <c>trial_runs</c> (every saved run record: <c>run id|status</c>) and <c>trial_leases</c> (a released lease).
/// </summary>
internal sealed class TrialDatabase : IAsyncDisposable
{
    private readonly NpgsqlConnection _listener;
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;

    private TrialDatabase(string schema, NpgsqlConnection listener)
    {
        Schema = schema;
        HangfireSchema = schema + "_hf";
        _listener = listener;
        _listener.Notification += (_, e) => Notifications.Writer.TryWrite((e.Channel, e.Payload));
    }

    private void StartListening() => _pump = Task.Run(async () =>
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await _listener.WaitAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    });

    public string Schema { get; }

    public string HangfireSchema { get; }

    public Channel<(string Channel, string Payload)> Notifications { get; } = Channel.CreateUnbounded<(string, string)>();

    public static string ConnectionString => PostgresTestServer.ConnectionString;

    public static PostgreSqlStorageOptions HangfireOptions(string hangfireSchema, TimeSpan invisibility, bool prepare) => new()
    {
        SchemaName = hangfireSchema,
        PrepareSchemaIfNecessary = prepare,
        QueuePollInterval = TimeSpan.FromMilliseconds(50),
        InvisibilityTimeout = invisibility,
        UseSlidingInvisibilityTimeout = true,
    };

    /// <summary>Creates both schemas (MlValue's by its migrations, Hangfire's by its installer), the trial tables and the notification triggers, and starts listening.</summary>
    public static async Task<TrialDatabase> CreateAsync(TimeSpan invisibility)
    {
        var schema = PostgresTestServer.NewSchema();
        await using (var setup = new NpgsqlConnection(ConnectionString))
        {
            await setup.OpenAsync();
            await Execute(setup, $"CREATE SCHEMA IF NOT EXISTS {schema};");
        }

        var database = new TrialDatabase(schema, new NpgsqlConnection(ConnectionString));
        await using (var runs = new PostgreSqlRunStore(new PostgreSqlOptions { ConnectionString = ConnectionString, Schema = schema }))
        {
            await runs.ListLoopsAsync();
        }

        var options = HangfireOptions(database.HangfireSchema, invisibility, prepare: true);
        _ = new PostgreSqlStorage(new NpgsqlConnectionFactory(ConnectionString, options), options).GetMonitoringApi().Servers();
        await using (var setup = new NpgsqlConnection(ConnectionString))
        {
            await setup.OpenAsync();
            await Execute(setup, $"""
                SET search_path TO {schema};
                {TrialLoop.Setup}
                INSERT INTO trial_plan (id, step, point) VALUES (1, 'none', 'none');
                CREATE FUNCTION trial_notify_run() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_notify('trial_runs', (to_jsonb(NEW) ->> 'run_id') || '|' || (NEW.record::jsonb ->> 'Status')); RETURN NEW; END $$;
                CREATE TRIGGER trial_runs AFTER INSERT OR UPDATE ON runs FOR EACH ROW EXECUTE FUNCTION trial_notify_run();
                CREATE FUNCTION trial_notify_lease() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_notify('trial_leases', to_jsonb(OLD) ->> 'loop'); RETURN OLD; END $$;
                CREATE TRIGGER trial_leases AFTER DELETE ON leases FOR EACH ROW EXECUTE FUNCTION trial_notify_lease();
                """);
        }

        await database._listener.OpenAsync();
        await Execute(database._listener, "LISTEN trial_points; LISTEN trial_runs; LISTEN trial_leases;");
        database.StartListening();
        return database;
    }

    public async Task PlanAsync(string step, string point)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"UPDATE {Schema}.trial_plan SET step = @step, point = @point WHERE id = 1", connection);
        command.Parameters.AddWithValue("step", step);
        command.Parameters.AddWithValue("point", point);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits for the next notification on <paramref name="channel"/> whose payload passes <paramref name="match"/>.</summary>
    public async Task<string> WaitForAsync(string channel, Func<string, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (name, payload) = await Notifications.Reader.ReadAsync(cancellationToken);
            if (name == channel && match(payload))
            {
                return payload;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _pump;
        }
        catch (NpgsqlException)
        {
        }

        await _listener.DisposeAsync();
        _stop.Dispose();
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await Execute(connection, $"DROP SCHEMA IF EXISTS {HangfireSchema} CASCADE;");
        }

        await PostgresTestServer.DropSchemaAsync(Schema);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
#pragma warning disable CA2100 // Test-only statements built from generated schema names.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
