namespace MlValue.Samples.SpamLoop.Summary;

/// <summary>The machine-readable result of a replay (written as <c>summary.json</c>; schema in README.md).</summary>
public sealed class SpamLoopSummary
{
    /// <summary><c>spamassassin-0.2.3</c> or <c>fixture</c>.</summary>
    public required string Corpus { get; init; }

    /// <summary>The seed.</summary>
    public required int Seed { get; init; }

    /// <summary>The label delay in days.</summary>
    public required int LabelDelayDays { get; init; }

    /// <summary>Messages read from the corpus.</summary>
    public required int Messages { get; init; }

    /// <summary>Messages the cleaning stage quarantined.</summary>
    public required int Quarantined { get; init; }

    /// <summary>Quarantined messages per rule.</summary>
    public required IReadOnlyDictionary<string, int> QuarantineByRule { get; init; }

    /// <summary>What the annotation of the hard-ham pool did.</summary>
    public required AnnotationSummary Annotation { get; init; }

    /// <summary>One row per replayed week.</summary>
    public required IReadOnlyList<WeekSummary> Weeks { get; init; }

    /// <summary>Totals over the replay.</summary>
    public required TotalsSummary Totals { get; init; }
}

/// <summary>One week of the replay.</summary>
public sealed class WeekSummary
{
    /// <summary>The week's first day (UTC, weeks are aligned to the Unix epoch, so they start on Thursdays).</summary>
    public required string Week { get; init; }

    /// <summary>Messages that arrived.</summary>
    public required int Messages { get; set; }

    /// <summary>Of those, quarantined by cleaning.</summary>
    public required int Quarantined { get; set; }

    /// <summary>Clean messages answered by the predictor.</summary>
    public int Served { get; set; }

    /// <summary>The champion version that served the week, or null before the first promotion.</summary>
    public int? ChampionVersion { get; set; }

    /// <summary>Labels that arrived at the end of the week.</summary>
    public int LabelsArrived { get; set; }

    /// <summary>The served predictions' quality once the week's labels arrived (from the monitor).</summary>
    public Quality? Loop { get; set; }

    /// <summary>The never-retrained model on the same week (weeks from the reference cut-off on).</summary>
    public Quality? NeverRetrained { get; set; }

    /// <summary>The monitor's drift verdict for the week.</summary>
    public string Drift { get; set; } = "no model";

    /// <summary>Runs the triggers started at the end of the week.</summary>
    public List<RunSummary> Runs { get; } = [];
}

/// <summary>Precision, recall and F1 of one week.</summary>
/// <param name="Labelled">Predictions with a label.</param>
/// <param name="Precision">Precision, null when nothing was predicted spam.</param>
/// <param name="Recall">Recall, null without spam.</param>
/// <param name="F1">F1, null when undefined.</param>
public sealed record Quality(long Labelled, double? Precision, double? Recall, double? F1);

/// <summary>One run of the loop.</summary>
public sealed class RunSummary
{
    /// <summary>The trigger that fired.</summary>
    public required string Trigger { get; init; }

    /// <summary>Why it fired.</summary>
    public required string Reason { get; init; }

    /// <summary>The run's status.</summary>
    public required string Status { get; init; }

    /// <summary>The version registered, if any.</summary>
    public int? Version { get; init; }

    /// <summary>Whether it was promoted to champion.</summary>
    public bool Promoted { get; init; }

    /// <summary>The promotion decision's one-line reason (or why the run trained nothing).</summary>
    public string Decision { get; init; } = string.Empty;

    /// <summary>F1 of the candidate on the holdout.</summary>
    public double? HoldoutF1 { get; init; }
}

/// <summary>The hard-ham pool's annotation.</summary>
public sealed class AnnotationSummary
{
    /// <summary>Hard-ham messages whose label was aggregated from rules and the simulated reviewer.</summary>
    public int Aggregated { get; set; }

    /// <summary>Aggregated labels that agree with the corpus folder.</summary>
    public int AgreeWithFolder { get; set; }

    /// <summary>Items left unlabelled (aggregation abstained).</summary>
    public int Abstained { get; set; }

    /// <summary>Answers imported from the reviewer.</summary>
    public int Answers { get; set; }

    /// <summary>Malformed answer lines reported by the import (the simulation writes two).</summary>
    public int MalformedLines { get; set; }
}

/// <summary>Totals.</summary>
public sealed class TotalsSummary
{
    /// <summary>Runs started.</summary>
    public int Runs { get; set; }

    /// <summary>Runs that promoted a new champion.</summary>
    public int Promotions { get; set; }

    /// <summary>The champion at the end.</summary>
    public int? FinalChampion { get; set; }

    /// <summary>The loop's F1 over all served mail from the reference cut-off on.</summary>
    public double? LoopF1AfterCutoff { get; set; }

    /// <summary>The never-retrained model's F1 over the same mail.</summary>
    public double? NeverRetrainedF1AfterCutoff { get; set; }

    /// <summary>The never-retrained model's AUC over the same mail.</summary>
    public double? NeverRetrainedAucAfterCutoff { get; set; }

    /// <summary>Spam share of the clean mail before the cut-off.</summary>
    public double? SpamShareBeforeCutoff { get; set; }

    /// <summary>Spam share of the clean mail from the cut-off on.</summary>
    public double? SpamShareAfterCutoff { get; set; }
}
