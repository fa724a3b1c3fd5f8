using System.Globalization;

namespace MlValue.Evaluation;

/// <summary>
/// When a challenger may replace the champion, in the spirit of TFX's blessing and MLflow's
/// <c>validate_evaluation_results</c>: per-metric thresholds and improvements, no slice regression
/// past a tolerance, and the first model (no champion yet) must beat the no-ML baseline.
/// </summary>
public sealed class PromotionPolicy
{
    /// <summary>The per-metric rules. Default: empty, which means one rule on the task's primary
    /// metric (AUC, macro accuracy or RMSE) demanding a 1 % relative improvement over the champion.</summary>
    public IList<MetricRule> Rules { get; } = new List<MetricRule>();

    /// <summary>The largest regression allowed on any slice, in metric units, unless a rule sets
    /// its own. Default: 0.02.</summary>
    public double SliceTolerance { get; set; } = 0.02;

    /// <summary>Whether a first model (no champion) is rejected when no baseline evaluation is
    /// given to beat. Default: true.</summary>
    public bool RequireBaseline { get; set; } = true;

    /// <summary>Lists what is wrong with this policy, each problem naming its setting under <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The configuration path of the policy, for example <c>MlValue:Evaluation:Policy</c>.</param>
    /// <returns>The problems; none when the policy is valid.</returns>
    public IEnumerable<string> Validate(string prefix)
    {
        if (!(SliceTolerance >= 0) || double.IsInfinity(SliceTolerance))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{prefix}:SliceTolerance must be a finite number at least 0; it is {SliceTolerance}.");
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{prefix}:Rules:{i}");
            if (string.IsNullOrWhiteSpace(rule.Metric))
            {
                yield return $"{at}:Metric must name a metric ({string.Join(", ", MetricNames.All)}); it is empty.";
            }
            else if (rule.HigherIsBetter is null && !MetricNames.All.Contains(rule.Metric, StringComparer.Ordinal))
            {
                yield return $"{at}:Metric '{rule.Metric}' is unknown; use one of {string.Join(", ", MetricNames.All)}, or set HigherIsBetter.";
            }

            foreach (var (name, value) in new[] { ("MinAbsoluteImprovement", rule.MinAbsoluteImprovement), ("MinRelativeImprovement", rule.MinRelativeImprovement), ("SliceTolerance", rule.SliceTolerance) })
            {
                if (value is { } v && (!(v >= 0) || double.IsInfinity(v)))
                {
                    yield return string.Create(CultureInfo.InvariantCulture, $"{at}:{name} must be a finite number at least 0; it is {v}.");
                }
            }

            if (rule.Threshold is { } t && !double.IsFinite(t))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{at}:Threshold must be a finite number; it is {t}.");
            }
        }
    }
}
