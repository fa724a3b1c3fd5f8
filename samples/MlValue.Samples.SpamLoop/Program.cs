using System.Diagnostics;
using System.Globalization;
using MlValue.Samples.SpamLoop;
using MlValue.Samples.SpamLoop.Corpus;
using MlValue.Samples.SpamLoop.Storage;
using MlValue.Samples.SpamLoop.Summary;

var options = new SpamLoopOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--data-dir": options.DataDirectory = Value(); break;
        case "--out": options.OutputDirectory = Value(); break;
        case "--npm": options.NpmExecutable = Value(); break;
        case "--fixture": options.FixturePath = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? Value() : FindFixture(); break;
        case "--seed": options.Seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--label-delay": options.LabelDelayDays = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--train-window": options.TrainWindow = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--new-labels": options.NewLabelsThreshold = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--f1-threshold": options.F1Threshold = double.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--max-body": options.MaxBodyLength = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--no-drift-trigger": options.DriftTriggers = false; break;
        case "--store": options.Store = ParseStore(Value()); break;
        case "--postgres": options.PostgresConnectionString = Value(); break;
        case "--postgres-schema": options.PostgresSchema = Value(); break;
        case "--help" or "-h":
            Console.WriteLine("MlValue spam loop: replays the SpamAssassin corpus week by week through the whole ML loop. Options: --data-dir DIR, --out DIR, --fixture [PATH], --npm PATH, --seed N, --label-delay DAYS, --train-window N, --new-labels N, --f1-threshold X, --max-body N, --no-drift-trigger, --store embedded|postgres, --postgres CONNECTION-STRING (else MLVALUE_POSTGRES), --postgres-schema NAME. See README.md.");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'; run with --help.");
            return 1;
    }
}

var watch = Stopwatch.StartNew();
try
{
    var summary = await SpamLoopApp.RunAsync(options, Console.Out);
    Console.WriteLine();
    Console.WriteLine(SummaryWriter.ToMarkdown(summary));
    Console.WriteLine($"Reports and summary.json in {Path.GetFullPath(options.OutputDirectory)}; took {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
    return 0;
}
catch (DatasetUnavailableException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (StoreUnavailableException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

static SpamLoopStore ParseStore(string value) => value switch
{
    "embedded" => SpamLoopStore.Embedded,
    "postgres" => SpamLoopStore.Postgres,
    _ => throw new ArgumentException($"--store '{value}' is not a store: use embedded (the default, SQLite under --out) or postgres."),
};

static string FindFixture()
{
    const string relative = "tests/Shared/Fixtures/spamassassin-sample.jsonl.gz";
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        var candidate = Path.Combine(folder.FullName, relative);
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new FileNotFoundException($"The fixture {relative} was not found above the current folder; pass its path: --fixture PATH.");
}
