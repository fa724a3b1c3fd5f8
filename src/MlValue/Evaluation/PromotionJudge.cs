using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using MlValue.Diagnostics;
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
    private readonly EvaluationTelemetry _telemetry;

    /// <summary>Creates the judge.</summary>
    /// <param name="options">The evaluation options; <see cref="EvaluationOptions.Policy"/> is the policy when none is passed.</param>
    /// <param name="timeProvider">The clock that stamps decisions.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the decisions are counted on; null for MlValue's shared meter.</param>
    public PromotionJudge(IOptions<EvaluationOptions> options, TimeProvider timeProvider, IMeterFactory? meterFactory = null)
    {
        _options = Guard.NotNull(options).Value;
        _timeProvider = Guard.NotNull(timeProvider);
        _telemetry = MlValueMeter.For(meterFactory).Evaluation;
    }

    /// <inheritdoc />
    public PromotionDecision Decide(EvaluationResult challenger, EvaluationResult? champion, EvaluationResult? baseline, PromotionPolicy? policy = null)
    {
        Guard.NotNull(challenger);
        using var activity = MlValueTelemetry.ActivitySource.StartActivity(EvaluationTelemetry.DecideActivity);
        var decision = PolicyJudgement.Decide(challenger, champion, baseline, policy ?? _options.Policy, _timeProvider.GetUtcNow());
        activity?.SetTag("mlvalue.evaluation.promote", decision.Promote);
        activity?.SetTag("mlvalue.evaluation.checks.failed", decision.Checks.Count(c => c.Outcome == CheckOutcome.Failed));
        _telemetry.Decisions.Add(1, new KeyValuePair<string, object?>("mlvalue.evaluation.verdict", decision.Promote ? "promote" : "reject"));
        return decision;
    }
}
