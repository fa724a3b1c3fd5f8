namespace MlValue.Runs;

/// <summary>Options of loop runs, bound from <c>MlValue:Runs</c>.</summary>
public class RunOptions
{
    /// <summary>
    /// The SQLite file of the run store. Default: <see langword="null"/>, meaning
    /// <c>&lt;MlValue:RootDirectory&gt;/runs/runs.db</c>.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// How long a run holds its loop's lease without renewing it; a crashed runner's lease expires
    /// after this. Renewed before every step. Default: 10 minutes.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the hosted scheduler evaluates the triggers. Default: 1 minute.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
