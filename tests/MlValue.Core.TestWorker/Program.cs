using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Registry;
using MlValue.Training;

// Commands (stdout is line-buffered and flushed after every line, so a parent can kill at a known step):
//   register-loop <root> <model> <seed>   registers and promotes forever, printing "registered N" / "promoted N"
//   register <root> <model> <count>       registers <count> versions, printing "registered N", then exits 0
if (args.Length < 3)
{
    await Console.Error.WriteLineAsync("usage: register-loop <root> <model> <seed> | register <root> <model> <count>");
    return 2;
}

var (command, root, model) = (args[0], args[1], args[2]);
var number = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
Console.Out.Flush();
await Console.Out.WriteLineAsync("ready");
await Console.Out.FlushAsync();

var services = new ServiceCollection();
services.AddMlValue().UseSqlite().AddModelRegistry(o => o.RootDirectory = root);
await using var provider = services.BuildServiceProvider();
var registry = provider.GetRequiredService<IModelRegistry>();

switch (command)
{
    case "register-loop":
        var random = new Random(number);
        for (var i = 0; ; i++)
        {
            var registered = await registry.RegisterAsync(Registration(model, random, i));
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
            var registered = await registry.RegisterAsync(Registration(model, own, i));
            await Say($"registered {registered.Version}");
        }

        return 0;

    default:
        await Console.Error.WriteLineAsync($"unknown command '{command}'");
        return 2;
}

static ModelRegistration Registration(string model, Random random, int step)
{
    var bytes = new byte[random.Next(1, 64 * 1024)];
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
