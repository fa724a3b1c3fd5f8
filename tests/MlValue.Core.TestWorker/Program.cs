using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Registry;
using MlValue.Training;

// Commands (stdout is line-buffered and flushed after every line, so a parent can kill at a known step):
//   register-loop <store> <model> <seed>   registers and promotes forever, printing "registered N" / "promoted N" / "rolled back"
//   register <store> <model> <count>       registers <count> versions, printing "registered N", then exits 0
//   cas-loop <store> <model> <moves>       moves the alias "champion" by compare-and-swap (read it, then move it from what
//                                          was read) to a random one of versions 1–8 until <moves> moves succeeded,
//                                          printing per attempt "moved <from|-> <to>", "conflict" (an
//                                          AliasConflictException) or "missing <version>" (not registered yet), then exits 0
// <store> is the registry's root directory (SQLite), or, with the option --postgres, absent: the registry is then
// on PostgreSQL, the connection string in the environment variable MLVALUE_POSTGRES and the schema given by
// --schema <name>; its sessions' application_name is mlvalue-worker-<process id>.
const string Usage = "usage: [--postgres --schema <name>] register-loop|register|cas-loop [<root>] <model> <number>";
var positional = new List<string>();
string? schema = null;
var postgres = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--postgres":
            postgres = true;
            break;
        case "--schema" when i + 1 < args.Length:
            schema = args[++i];
            break;
        default:
            positional.Add(args[i]);
            break;
    }
}

if (positional.Count != (postgres ? 3 : 4) || (postgres && schema is null))
{
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}

var command = positional[0];
var root = postgres ? null : positional[1];
var model = positional[^2];
var number = int.Parse(positional[^1], CultureInfo.InvariantCulture);
await Say("ready");

var services = new ServiceCollection();
if (postgres)
{
    var connectionString = Environment.GetEnvironmentVariable("MLVALUE_POSTGRES");
    if (string.IsNullOrWhiteSpace(connectionString))
    {
        await Console.Error.WriteLineAsync("--postgres needs the connection string in the environment variable MLVALUE_POSTGRES");
        return 2;
    }

    // Its sessions carry its process id, so that a parent that killed it can find the server sessions it left.
    var named = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "mlvalue-worker-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) };
    services.AddMlValue().UsePostgreSql(o =>
    {
        o.ConnectionString = named.ConnectionString;
        o.Schema = schema!;
    });
}
else
{
    services.AddMlValue().UseSqlite().AddModelRegistry(o => o.RootDirectory = root!);
}

await using var provider = services.BuildServiceProvider();
var registry = provider.GetRequiredService<IModelRegistry>();

switch (command)
{
    case "register-loop":
        var random = new Random(number);
        for (var i = 0; ; i++)
        {
            var registered = await registry.RegisterAsync(Registration(model, random, i, large: postgres && i % 4 == 2));
            await Say($"registered {registered.Version}");
            var champion = await registry.GetByAliasAsync(model, "champion");
            await registry.SetAliasAsync(model, "champion", registered.Version, champion?.Version, $"loop step {i}");
            await Say($"promoted {registered.Version}");
            if (i % 4 == 3)
            {
                await registry.RollbackAliasAsync(model, "champion", $"rollback at step {i}");
                await Say("rolled back");
            }
        }

    case "register":
        var own = new Random(Environment.ProcessId);
        for (var i = 0; i < number; i++)
        {
            var registered = await registry.RegisterAsync(Registration(model, own, i, large: false));
            await Say($"registered {registered.Version}");
        }

        return 0;

    case "cas-loop":
        var mover = new Random(Environment.ProcessId);
        for (int moved = 0, attempt = 0; moved < number; attempt++)
        {
            if (attempt == 100 * number)
            {
                await Console.Error.WriteLineAsync($"cas-loop: {attempt} attempts made only {moved} moves");
                return 3;
            }

            var current = await registry.GetByAliasAsync(model, "champion");
            var target = mover.Next(1, 9);
            if (await registry.GetVersionAsync(model, target) is null)
            {
                await Say($"missing {target}");
                continue;
            }

            try
            {
                var move = await registry.SetAliasAsync(model, "champion", target, current?.Version, $"cas {Environment.ProcessId} {attempt}");
                await Say(string.Create(CultureInfo.InvariantCulture, $"moved {move.FromVersion?.ToString(CultureInfo.InvariantCulture) ?? "-"} {move.ToVersion}"));
                moved++;
            }
            catch (AliasConflictException)
            {
                await Say("conflict");
            }
        }

        return 0;

    default:
        await Console.Error.WriteLineAsync($"unknown command '{command}'. {Usage}");
        return 2;
}

// A registration of random bytes; a large one spans several 1 MiB chunks of the PostgreSQL blob tables.
static ModelRegistration Registration(string model, Random random, int step, bool large)
{
    var bytes = new byte[large ? random.Next(1024 * 1024 + 1, 3 * 1024 * 1024 / 2) : random.Next(1, 64 * 1024)];
    random.NextBytes(bytes);
    var profile = new byte[random.Next(1, 4096)];
    random.NextBytes(profile);
    return new ModelRegistration
    {
        ModelName = model,
        Artifact = new ModelArtifact("test-bytes", bytes),
        TrainerName = "worker",
        TrainingDatasetIds = ["worker-data"],
        Seed = step,
        Metrics = new Dictionary<string, double> { ["auc"] = random.NextDouble() },
        Tags = new Dictionary<string, string> { ["pid"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) },
        Attachments = new Dictionary<string, byte[]> { ["reference-profile"] = profile },
        CodeVersion = "worker",
    };
}

static async Task Say(string line)
{
    await Console.Out.WriteLineAsync(line);
    await Console.Out.FlushAsync();
}
