namespace MlValue.Evaluation;

/// <summary>
/// The seam of the promotion gate: judges a challenger against the champion and the no-ML baseline,
/// all evaluated on the same holdout, under a <see cref="PromotionPolicy"/>. It only decides; moving an
/// alias is the registry's job. Replace it for a gate of your own (a human sign-off, a business metric).
/// </summary>
public interface IPromotionJudge
{
    /// <summary>Judges a challenger against the champion and the baseline, all evaluated on the same holdout.</summary>
    /// <param name="challenger">The challenger's evaluation.</param>
    /// <param name="champion">The champion's evaluation, or <see langword="null"/> for a first model.</param>
    /// <param name="baseline">The no-ML baseline's evaluation, or <see langword="null"/>.</param>
    /// <param name="policy">The policy; <see langword="null"/> for the configured default policy.</param>
    /// <returns>The decision with every check.</returns>
    /// <exception cref="EvaluationException">The evaluations are not of the same task and holdout, or a rule names a metric the task lacks.</exception>
    PromotionDecision Decide(EvaluationResult challenger, EvaluationResult? champion, EvaluationResult? baseline, PromotionPolicy? policy = null);
}
