using System.Globalization;
using MlValue.Monitoring.Sketches;

namespace MlValue.Monitoring;

/// <summary>
/// Turns a merged window into verdicts. Rule: a distribution has drifted when its test is significant
/// (KS or chi-square p &lt; PValueThreshold) AND the move is material (Jensen–Shannon ≥ its threshold or
/// PSI ≥ its threshold). Text also drifts when its unseen-token share exceeds the reference baseline by the margin.
/// One evaluator per entry of the monitor's reference history: <paramref name="version"/> is the model version the
/// reference came from, <paramref name="noReference"/> why there is none (the reason of "no reference" verdicts).
/// </summary>
internal sealed partial class DriftEvaluator(ReferenceProfile? reference, MonitoringOptions options, string? version = null, string? noReference = null)
{
    public FeatureDrift Numeric(string name, FeatureKind kind, NumericSketch current, NumericSketch? baseline)
    {
        var drift = NumericDrift(name, kind, current, baseline);
        return current.Count == 0 ? drift : drift with
        {
            Minimum = current.Min, Maximum = current.Max,
            P05 = current.Quantiles.Quantile(0.05), Median = current.Quantiles.Quantile(0.5), P95 = current.Quantiles.Quantile(0.95),
        };
    }

    private FeatureDrift NumericDrift(string name, FeatureKind kind, NumericSketch current, NumericSketch? baseline)
    {
        var missing = current.Nulls + current.NonFinite;
        double? mean = current.Count > 0 ? current.Mean : null;
        if (Gate(name, kind, current.Count, baseline?.Count, missing, mean) is { } early)
        {
            return early;
        }

        var expected = DriftStatistics.Proportions(baseline!.Histogram);
        var actual = DriftStatistics.Proportions(current.Histogram);
        var psi = DriftStatistics.Psi(expected, actual);
        var js = DriftStatistics.JensenShannon(expected, actual);
        var ks = KolmogorovSmirnov(baseline.Quantiles, current.Quantiles);
        var p = DriftStatistics.KolmogorovPValue(ks, baseline.Count, current.Count);
        var (verdict, reason) = Decide("KS", p, js, psi);
        return new FeatureDrift
        {
            Feature = name, Kind = kind, Verdict = verdict, Reason = reason, Count = current.Count, Missing = missing,
            Mean = mean, ReferenceMean = baseline.Mean, Psi = psi, JensenShannon = js, KsStatistic = ks, KsPValue = p,
        };
    }

    public FeatureDrift Categorical(string name, CategoricalSketch current, CategoricalSketch? baseline)
    {
        if (Gate(name, FeatureKind.Categorical, current.Count, baseline?.Count, current.Nulls, null) is { } early)
        {
            return early with { DistinctEstimate = current.Distinct.Estimate() };
        }

        var keys = baseline!.Counts.Keys.Order(StringComparer.Ordinal).ToList();
        var fresh = current.Counts.Keys.Where(k => !baseline.Counts.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var all = keys.Concat(fresh).ToList();
        long[] refCounts = [.. all.Select(k => baseline.Counts.GetValueOrDefault(k)), baseline.Other];
        long[] curCounts = [.. all.Select(k => current.Counts.GetValueOrDefault(k)), current.Other];
        var expected = DriftStatistics.Proportions(refCounts);
        var actual = DriftStatistics.Proportions(curCounts);
        var psi = DriftStatistics.Psi(expected, actual);
        var js = DriftStatistics.JensenShannon(expected, actual);
        var (chi, p) = DriftStatistics.ChiSquare(refCounts, curCounts);
        var (verdict, reason) = Decide("chi-square", p, js, psi);
        return new FeatureDrift
        {
            Feature = name, Kind = FeatureKind.Categorical, Verdict = verdict, Reason = reason, Count = current.Count,
            Missing = current.Nulls, Psi = psi, JensenShannon = js, ChiSquare = chi, ChiSquarePValue = p,
            NewCategoryCount = fresh.Sum(k => current.Counts[k]), DistinctEstimate = current.Distinct.Estimate(),
        };
    }

    public FeatureDrift Text(string name, int index, TextSketch current, TextSketch? baseline)
    {
        var length = Numeric(name, FeatureKind.Text, current.Length, baseline?.Length);
        if (length.Verdict is DriftVerdict.InsufficientData or DriftVerdict.NoReference)
        {
            return length;
        }

        var share = current.UnseenShare;
        var normal = reference!.BaselineUnseenShare[index];
        var novel = share >= normal + options.UnseenTokenShareMargin;
        var reason = novel
            ? Join(length.Verdict == DriftVerdict.Drift ? length.Reason : null, F($"unseen-token share {share:0.000} ≥ baseline {normal:0.000} + margin {options.UnseenTokenShareMargin:0.000}"))
            : length.Reason;
        return new FeatureDrift
        {
            Feature = name, Kind = FeatureKind.Text, Verdict = novel ? DriftVerdict.Drift : length.Verdict, Reason = reason,
            Count = length.Count, Missing = length.Missing, Mean = length.Mean, ReferenceMean = length.ReferenceMean,
            Psi = length.Psi, JensenShannon = length.JensenShannon, KsStatistic = length.KsStatistic, KsPValue = length.KsPValue,
            UnseenTokenShare = share, BaselineUnseenTokenShare = normal,
        };
    }

    private FeatureDrift? Gate(string name, FeatureKind kind, long count, long? referenceCount, long missing, double? mean)
    {
        string? reason = reference is null ? noReference ?? "no reference profile"
            : referenceCount is null ? "the reference profile has no values for it"
            : count < options.MinSampleSize ? F($"window has {count} values; needs {options.MinSampleSize} (MinSampleSize)")
            : referenceCount < options.MinSampleSize ? F($"reference has {referenceCount} values; needs {options.MinSampleSize} (MinSampleSize)")
            : null;
        return reason is null ? null : new FeatureDrift
        {
            Feature = name, Kind = kind, Reason = reason, Count = count, Missing = missing, Mean = mean,
            Verdict = reference is null || referenceCount is null ? DriftVerdict.NoReference : DriftVerdict.InsufficientData,
        };
    }

    private (DriftVerdict Verdict, string Reason) Decide(string test, double p, double js, double psi)
    {
        var significant = p < options.PValueThreshold;
        var material = js >= options.JensenShannonThreshold || psi >= options.PsiThreshold;
        var reason = F($"{test} p {Format(p)} {(significant ? "<" : "≥")} {options.PValueThreshold:0.###}; ") +
            F($"JS {js:0.000} {(js >= options.JensenShannonThreshold ? "≥" : "<")} {options.JensenShannonThreshold:0.###}, ") +
            F($"PSI {psi:0.000} {(psi >= options.PsiThreshold ? "≥" : "<")} {options.PsiThreshold:0.###}");
        return (significant && material ? DriftVerdict.Drift : DriftVerdict.Stable, reason);
    }

    internal static string Format(double p) => p < 0.0001 ? "< 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Join(string? a, string b) => a is null ? b : a + "; " + b;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
