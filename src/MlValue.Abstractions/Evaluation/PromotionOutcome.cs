using MlValue.Registry;

namespace MlValue.Evaluation;

/// <summary>What the standard promotion step did: the evaluations, the decision, the new version and the alias move.</summary>
public sealed class PromotionOutcome
{
    /// <summary>The challenger's evaluation on the holdout.</summary>
    public required EvaluationResult Challenger { get; init; }

    /// <summary>The champion's evaluation on the same holdout; null when the alias pointed nowhere.</summary>
    public EvaluationResult? Champion { get; init; }

    /// <summary>The baseline's evaluation on the same holdout; null when no baseline was given.</summary>
    public EvaluationResult? Baseline { get; init; }

    /// <summary>The decision of the policy, with every check.</summary>
    public required PromotionDecision Decision { get; init; }

    /// <summary>The challenger's registered version (registered whether or not it was promoted, so the loss is on record).</summary>
    public required ModelVersion Version { get; init; }

    /// <summary>The alias move when the challenger was promoted; null when it was not.</summary>
    public AliasMove? AliasMove { get; init; }
}
