using Microsoft.Extensions.Options;
using MlValue.Evaluation.Internal;
using MlValue.Internal;

namespace MlValue.Evaluation;

/// <summary>
/// The default <see cref="IPromotionJudge"/>: applies a <see cref="PromotionPolicy"/> (thresholds,
/// minimum improvement over the champion, per-slice regressions, the baseline a first model must beat)
/// and records every check in the decision.
/// </summary>
public sealed class PromotionJudge : IPromotionJudge
{
    private readonly EvaluationOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the judge.</summary>
    /// <param name="options">The evaluation options; <see cref="EvaluationOptions.Policy"/> is the policy when none is passed.</param>
    /// <param name="timeProvider">The clock that stamps decisions.</param>
    public PromotionJudge(IOptions<EvaluationOptions> options, TimeProvider timeProvider)
    {
        _options = Guard.NotNull(options).Value;
        _timeProvider = Guard.NotNull(timeProvider);
    }

    /// <inheritdoc />
    public PromotionDecision Decide(EvaluationResult challenger, EvaluationResult? champion, EvaluationResult? baseline, PromotionPolicy? policy = null)
    {
        Guard.NotNull(challenger);
        using var activity = Diagnostics.MlValueTelemetry.ActivitySource.StartActivity(EvaluationTelemetry.DecideActivity);
        var decision = PolicyJudgement.Decide(challenger, champion, baseline, policy ?? _options.Policy, _timeProvider.GetUtcNow());
        activity?.SetTag("mlvalue.evaluation.promote", decision.Promote);
        activity?.SetTag("mlvalue.evaluation.checks.failed", decision.Checks.Count(c => c.Outcome == CheckOutcome.Failed));
        EvaluationTelemetry.Decisions.Add(1, new KeyValuePair<string, object?>("mlvalue.evaluation.verdict", decision.Promote ? "promote" : "reject"));
        return decision;
    }
}
