namespace MlValue.AspNetCore;

/// <summary>
/// Settings of the page mapped by <c>MapMlValueDashboard</c>, bound from <c>MlValue:Dashboard</c> and validated at
/// start-up.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>The page title, shown in the header and the browser tab. Default: <c>MlValue</c>.</summary>
    public string Title { get; set; } = "MlValue";

    /// <summary>
    /// The authorization policy a user must satisfy to move an alias, roll one back or resume a run. Default:
    /// <see langword="null"/>: the page is read-only, its write routes are not mapped and no form is shown.
    /// </summary>
    public string? WritePolicy { get; set; }

    /// <summary>
    /// The aliases shown per model with their history, besides the aliases the mapped predictors serve. Default: empty,
    /// which shows <c>champion</c> and the served aliases.
    /// </summary>
    public IList<string> Aliases { get; } = [];

    /// <summary>
    /// Names of loops whose runs are shown besides the loops added with <c>AddLoop</c> in this app (for example loops
    /// that run in a worker process against the same run store). Default: empty.
    /// </summary>
    public IList<string> Loops { get; } = [];

    /// <summary>The size of the tumbling monitor windows the charts plot. Default: 1 day.</summary>
    public TimeSpan MonitorWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The most recent monitor windows plotted per model. Default: 30.</summary>
    public int MaxWindows { get; set; } = 30;

    /// <summary>The most recent runs listed per loop. Default: 50.</summary>
    public int MaxRuns { get; set; } = 50;
}
