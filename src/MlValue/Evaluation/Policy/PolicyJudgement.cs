using MlValue.Training;
using System.Globalization;

namespace MlValue.Evaluation;

/// <summary>Applies a <see cref="PromotionPolicy"/> to a challenger, a champion and a baseline evaluated on the same holdout.</summary>
internal static partial class PolicyJudgement
{
    private const double Slack = 1e-12;

    public static PromotionDecision Decide(EvaluationResult challenger, EvaluationResult? champion, EvaluationResult? baseline, PromotionPolicy policy, DateTimeOffset now)
    {
        SameHoldout(challenger, champion, "champion");
        SameHoldout(challenger, baseline, "baseline");
        var rules = policy.Rules.Count > 0 ? policy.Rules : [DefaultRule(challenger.Task)];
        var checks = new List<PolicyCheck>();
        if (champion is null && baseline is null && policy.RequireBaseline)
        {
            checks.Add(new PolicyCheck
            {
                Kind = CheckKind.BaselineRequired,
                Outcome = CheckOutcome.Failed,
                Detail = "there is no champion yet and no baseline evaluation was given; a first model must beat the no-ML baseline evaluated on the same holdout",
            });
        }

        foreach (var rule in rules)
        {
            var higher = rule.IsHigherBetter();
            var mine = Find(challenger, rule.Metric);
            if (rule.Threshold is { } threshold)
            {
                checks.Add(ThresholdCheck(rule.Metric, mine, threshold, higher));
            }

            if (champion is not null)
            {
                checks.Add(ImprovementCheck(rule, mine, Find(champion, rule.Metric), higher));
                if (rule.CheckSlices)
                {
                    checks.AddRange(SliceChecks(rule, challenger, champion, rule.SliceTolerance ?? policy.SliceTolerance, higher));
                }
            }

            if (baseline is not null)
            {
                checks.Add(BaselineCheck(rule.Metric, mine, Find(baseline, rule.Metric), higher));
            }
        }

        var failed = checks.Where(c => c.Outcome == CheckOutcome.Failed).ToArray();
        var skipped = checks.Count(c => c.Outcome == CheckOutcome.Skipped);
        var reason = failed.Length == 0
            ? Text($"Promote '{challenger.ModelName}': {checks.Count - skipped} checks passed, {skipped} skipped{(champion is null ? "; first model" : string.Empty)}.")
            : Text($"Reject '{challenger.ModelName}': {failed[0].Detail}{(failed.Length > 1 ? Text($" (and {failed.Length - 1} more failed checks)") : string.Empty)}.");
        return new PromotionDecision
        {
            Challenger = challenger.ModelName,
            Champion = champion?.ModelName,
            Baseline = baseline?.ModelName,
            DatasetId = challenger.DatasetId,
            HoldoutCount = challenger.Count,
            DecidedAt = now,
            Promote = failed.Length == 0,
            Reason = reason,
            Checks = checks,
        };
    }

    private static MetricRule DefaultRule(PredictionTask task) => new()
    {
        Metric = task switch
        {
            PredictionTask.BinaryClassification => MetricNames.Auc,
            PredictionTask.MulticlassClassification => MetricNames.MacroAccuracy,
            _ => MetricNames.Rmse,
        },
        MinRelativeImprovement = 0.01,
    };

    private static void SameHoldout(EvaluationResult challenger, EvaluationResult? other, string role)
    {
        if (other is null)
        {
            return;
        }

        if (other.Task != challenger.Task || other.Count != challenger.Count || !string.Equals(other.DatasetId, challenger.DatasetId, StringComparison.Ordinal))
        {
            throw new EvaluationException(Text(
                $"The {role} '{other.ModelName}' was evaluated on a different holdout ({other.Task}, {other.Count} rows, dataset '{other.DatasetId ?? "-"}') than the challenger '{challenger.ModelName}' ({challenger.Task}, {challenger.Count} rows, dataset '{challenger.DatasetId ?? "-"}'). Evaluate every model on the same holdout before comparing."));
        }

        var mine = challenger.ConfusionMatrix?.Classes ?? [];
        var theirs = other.ConfusionMatrix?.Classes ?? [];
        if (challenger.Task == PredictionTask.MulticlassClassification && !mine.SequenceEqual(theirs, StringComparer.Ordinal))
        {
            throw new EvaluationException(Text(
                $"The {role} '{other.ModelName}' was evaluated against the classes [{string.Join(", ", theirs)}] but the challenger '{challenger.ModelName}' against [{string.Join(", ", mine)}]. Evaluate every model with the same holdout ClassNames; a model trained on fewer classes is aligned by name when it names its classes (WithClassNames)."));
        }
    }

    private static MetricValue Find(EvaluationResult result, string metric)
        => result.Metric(metric) ?? throw new EvaluationException(
            $"The policy names metric '{metric}', which a {Reports.MarkdownReport.TaskName(result.Task)} evaluation of '{result.ModelName}' does not have; its metrics are {string.Join(", ", result.Metrics.Select(m => m.Name))}. Fix MlValue:Evaluation:Policy:Rules or the policy passed in.");

    /// <summary>How much <paramref name="a"/> is better than <paramref name="b"/> (negative when worse).</summary>
    private static double Better(double a, double b, bool higher) => higher ? a - b : b - a;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
