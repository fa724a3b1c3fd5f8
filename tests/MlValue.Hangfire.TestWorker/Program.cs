using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Hangfire.Trials;
using MlValue.Runs;

// A Hangfire worker of the kill trials: MlValue on PostgreSQL (schema argument 2), Hangfire on PostgreSQL (schema argument 3),
// one BackgroundJobServer with two workers running the trial loop's steps. Prints "ready <pid>" once the server runs,
// then runs until stdin closes or the process is killed.
var connectionString = args[0];
var schema = args[1];
var hangfireSchema = args[2];
var invisibility = TimeSpan.FromMilliseconds(int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));

var services = new ServiceCollection();
services.AddMlValue().UsePostgreSql(o => { o.ConnectionString = connectionString; o.Schema = schema; o.CheckConnectionOnStart = false; })
    .AddLoopRuns(o => o.LeaseDuration = TimeSpan.FromMinutes(2))
    .AddHangfireLoopRunner();
services.AddSingleton(TrialLoop.Build(connectionString, schema));
var storageOptions = new PostgreSqlStorageOptions
{
    SchemaName = hangfireSchema,
    PrepareSchemaIfNecessary = false,
    QueuePollInterval = TimeSpan.FromMilliseconds(50),
    InvisibilityTimeout = invisibility,
    UseSlidingInvisibilityTimeout = true,
};
var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
services.AddSingleton<JobStorage>(storage);
await using var provider = services.BuildServiceProvider();
using var server = new BackgroundJobServer(
    new BackgroundJobServerOptions
    {
        WorkerCount = 2,
        Activator = new ServiceProviderJobActivator(provider),
        ServerName = "trial-worker-" + Environment.ProcessId,
        SchedulePollingInterval = TimeSpan.FromMilliseconds(100),
        HeartbeatInterval = TimeSpan.FromSeconds(1),
        ServerCheckInterval = TimeSpan.FromSeconds(1),
        ServerTimeout = TimeSpan.FromSeconds(5),
    },
    storage);
Console.WriteLine("ready " + Environment.ProcessId);
await Console.In.ReadToEndAsync();
