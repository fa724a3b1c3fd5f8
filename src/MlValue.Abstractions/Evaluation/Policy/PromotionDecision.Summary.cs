using System.Globalization;

namespace MlValue.Evaluation;

/// <summary>The one-line summary stored as the reason of an alias move.</summary>
public sealed partial class PromotionDecision
{
    /// <summary>The attachment name under which to keep <see cref="ToJson"/> beside a registered version.</summary>
    public const string AttachmentName = "promotion-decision.json";

    /// <summary>
    /// One line for the reason of an alias move: the verdict, the deciding check (the first failed
    /// one, or for a promotion the improvement over the champion, else the baseline or threshold
    /// check) and the counts of passed, failed and skipped checks. For example
    /// <c>PROMOTE 'v2': auc 0.9500 vs champion 0.9100: improvement +0.0400, needs at least +0.0100 (5 passed, 0 failed, 12 skipped)</c>.
    /// </summary>
    /// <returns>The summary, without line breaks.</returns>
    public string ToSummary()
    {
        var passed = Checks.Count(c => c.Outcome == CheckOutcome.Passed);
        var failed = Checks.Count(c => c.Outcome == CheckOutcome.Failed);
        var skipped = Checks.Count(c => c.Outcome == CheckOutcome.Skipped);
        var deciding = DecidingCheck();
        var why = deciding is null ? "no check could be judged" : deciding.Detail;
        var summary = string.Create(CultureInfo.InvariantCulture, $"{(Promote ? "PROMOTE" : "REJECT")} '{Challenger}': {why} ({passed} passed, {failed} failed, {skipped} skipped)");
        return summary.ReplaceLineEndings(" ");
    }

    /// <summary>The check that decided: the first failed one, else the most telling passed one.</summary>
    /// <returns>The check, or <see langword="null"/> when there is none.</returns>
    public PolicyCheck? DecidingCheck()
        => Checks.FirstOrDefault(c => c.Outcome == CheckOutcome.Failed)
        ?? First(CheckKind.ImprovementOverChampion) ?? First(CheckKind.BeatsBaseline) ?? First(CheckKind.Threshold)
        ?? Checks.FirstOrDefault(c => c.Outcome == CheckOutcome.Passed);

    private PolicyCheck? First(CheckKind kind) => Checks.FirstOrDefault(c => c.Kind == kind && c.Outcome == CheckOutcome.Passed);
}
