namespace MlValue.Evaluation;

/// <summary>The individual checks.</summary>
internal static partial class PolicyJudgement
{
    private static PolicyCheck ThresholdCheck(string metric, MetricValue mine, double threshold, bool higher)
    {
        var (outcome, detail) = mine.Value is not { } value
            ? (CheckOutcome.Failed, Text($"{metric} is undefined for the challenger ({mine.UndefinedReason}), so it cannot reach the threshold {threshold:0.0000}"))
            : Better(value, threshold, higher) >= -Slack
                ? (CheckOutcome.Passed, Text($"{metric} {value:0.0000} reaches the threshold {(higher ? "≥" : "≤")} {threshold:0.0000}"))
                : (CheckOutcome.Failed, Text($"{metric} {value:0.0000} misses the threshold {(higher ? "≥" : "≤")} {threshold:0.0000}"));
        return new PolicyCheck { Kind = CheckKind.Threshold, Metric = metric, Challenger = mine.Value, Threshold = threshold, Outcome = outcome, Detail = detail };
    }

    private static PolicyCheck ImprovementCheck(MetricRule rule, MetricValue mine, MetricValue theirs, bool higher)
    {
        var metric = rule.Metric;
        double? margin = null;
        CheckOutcome outcome;
        string detail;
        if (mine.Value is not { } value)
        {
            (outcome, detail) = (CheckOutcome.Failed, $"{metric} is undefined for the challenger ({mine.UndefinedReason})");
        }
        else if (theirs.Value is not { } champion)
        {
            (outcome, detail) = (CheckOutcome.Skipped, $"{metric} is undefined for the champion ({theirs.UndefinedReason}), so no improvement can be measured");
        }
        else
        {
            margin = Math.Max(rule.MinAbsoluteImprovement ?? 0, (rule.MinRelativeImprovement ?? 0) * Math.Abs(champion));
            var gain = Better(value, champion, higher);
            outcome = gain >= margin - Slack ? CheckOutcome.Passed : CheckOutcome.Failed;
            detail = Text($"{metric} {value:0.0000} vs champion {champion:0.0000}: improvement {gain:+0.0000;-0.0000;0.0000}, needs at least {margin:+0.0000;-0.0000;0.0000}");
        }

        return new PolicyCheck
        {
            Kind = CheckKind.ImprovementOverChampion, Metric = metric, Challenger = mine.Value, Champion = theirs.Value, Margin = margin, Outcome = outcome, Detail = detail,
            SkipReason = outcome == CheckOutcome.Skipped ? $"{metric} undefined for the champion" : null,
        };
    }

    private static PolicyCheck BaselineCheck(string metric, MetricValue mine, MetricValue theirs, bool higher)
    {
        var (outcome, detail) = (mine.Value, theirs.Value) switch
        {
            (null, _) => (CheckOutcome.Failed, $"{metric} is undefined for the challenger ({mine.UndefinedReason})"),
            (_, null) => (CheckOutcome.Skipped, $"{metric} is undefined for the baseline ({theirs.UndefinedReason})"),
            ({ } value, { } baseline) when Better(value, baseline, higher) > Slack
                => (CheckOutcome.Passed, Text($"{metric} {value:0.0000} beats the baseline {baseline:0.0000}")),
            ({ } value, { } baseline) => (CheckOutcome.Failed, Text($"{metric} {value:0.0000} does not beat the no-ML baseline {baseline:0.0000}")),
        };
        return new PolicyCheck
        {
            Kind = CheckKind.BeatsBaseline, Metric = metric, Challenger = mine.Value, Baseline = theirs.Value, Outcome = outcome, Detail = detail,
            SkipReason = outcome == CheckOutcome.Skipped ? $"{metric} undefined for the baseline" : null,
        };
    }

    private static IEnumerable<PolicyCheck> SliceChecks(MetricRule rule, EvaluationResult challenger, EvaluationResult champion, double tolerance, bool higher)
    {
        foreach (var slice in challenger.Slices)
        {
            var other = champion.Slices.FirstOrDefault(s => s.Segment == slice.Segment && s.Key == slice.Key);
            var mine = slice.Metrics.FirstOrDefault(m => m.Name == rule.Metric);
            var theirs = other?.Metrics.FirstOrDefault(m => m.Name == rule.Metric);
            var where = $"{slice.Segment}={slice.Key}";
            (CheckOutcome Outcome, string Detail, string? Skip) verdict = (mine, theirs) switch
            {
                _ when other is null => (CheckOutcome.Skipped, $"slice {where} is missing from the champion's evaluation; evaluate both with the same segments", "slices missing from the champion's evaluation"),
                _ when slice.TooSmall => (CheckOutcome.Skipped, Text($"slice {where} has {slice.Count} rows, fewer than the {challenger.MinSliceSize} needed to trust it; ignored"), Text($"slices smaller than {challenger.MinSliceSize} rows")),
                ({ Value: { } value }, { Value: { } before }) when Better(before, value, higher) > tolerance + Slack
                    => (CheckOutcome.Failed, Text($"{rule.Metric} regresses on slice {where} from {before:0.0000} to {value:0.0000} ({-Better(before, value, higher):+0.0000;-0.0000}), more than the tolerance {tolerance:0.0000}"), null),
                ({ Value: { } value }, { Value: { } before })
                    => (CheckOutcome.Passed, Text($"{rule.Metric} on slice {where}: {before:0.0000} → {value:0.0000}, within the tolerance {tolerance:0.0000}"), null),
                _ => (CheckOutcome.Skipped, $"{rule.Metric} is undefined on slice {where} ({mine?.UndefinedReason ?? theirs?.UndefinedReason ?? "not computed"})", $"{rule.Metric} undefined on the slice"),
            };
            yield return new PolicyCheck
            {
                Kind = CheckKind.SliceRegression,
                Metric = rule.Metric,
                Segment = slice.Segment,
                Slice = slice.Key,
                Challenger = mine?.Value,
                Champion = theirs?.Value,
                Margin = tolerance,
                Outcome = verdict.Outcome,
                Detail = verdict.Detail,
                SkipReason = verdict.Skip,
            };
        }
    }
}
