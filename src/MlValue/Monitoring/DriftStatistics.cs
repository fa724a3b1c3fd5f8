using MathNet.Numerics.Distributions;
using MlValue.Monitoring.Sketches;

namespace MlValue.Monitoring;

/// <summary>Drift statistics computed from sketches: PSI, Jensen–Shannon distance, Kolmogorov–Smirnov, chi-square.</summary>
internal static class DriftStatistics
{
    /// <summary>The floor for empty bins in PSI, so an empty bin weighs a finite amount.</summary>
    public const double Floor = 1e-4;

    public static double[] Proportions(IReadOnlyList<long> counts)
    {
        double total = counts.Sum();
        return [.. counts.Select(c => total == 0 ? 0 : c / total)];
    }

    /// <summary>Population stability index Σ (a − e) ln(a / e), bins floored at <see cref="Floor"/>.</summary>
    public static double Psi(double[] expected, double[] actual)
    {
        double psi = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var e = Math.Max(expected[i], Floor);
            var a = Math.Max(actual[i], Floor);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    /// <summary>Jensen–Shannon distance with base-2 logarithms: √JSD, in [0, 1].</summary>
    public static double JensenShannon(double[] p, double[] q)
    {
        double divergence = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var m = (p[i] + q[i]) / 2;
            divergence += Term(p[i], m) + Term(q[i], m);
        }

        return Math.Sqrt(Math.Clamp(divergence / 2, 0, 1));

        static double Term(double x, double m) => x > 0 ? x * Math.Log2(x / m) : 0;
    }

    /// <summary>The largest gap between the two sketched CDFs, less both sketches' rank-error bounds (never below 0).</summary>
    public static double KolmogorovSmirnov(KllSketch reference, KllSketch current)
    {
        var (rv, rc) = reference.SortedView();
        var (cv, cc) = current.SortedView();
        return KolmogorovSmirnov(rv, rc, reference.IsExact, cv, cc, current.IsExact);
    }

    /// <summary>As <see cref="KolmogorovSmirnov(KllSketch, KllSketch)"/>, from the two sorted views (values and cumulative fractions).</summary>
    public static double KolmogorovSmirnov(ReadOnlySpan<double> rv, ReadOnlySpan<double> rc, bool referenceExact, ReadOnlySpan<double> cv, ReadOnlySpan<double> cc, bool currentExact)
    {
        double d = 0;
        int i = 0, j = 0;
        while (i < rv.Length || j < cv.Length)
        {
            var x = j >= cv.Length || (i < rv.Length && rv[i] <= cv[j]) ? rv[i] : cv[j];
            while (i < rv.Length && rv[i] <= x) { i++; }
            while (j < cv.Length && cv[j] <= x) { j++; }
            var fr = i == 0 ? 0 : rc[i - 1];
            var fc = j == 0 ? 0 : cc[j - 1];
            d = Math.Max(d, Math.Abs(fr - fc));
        }

        var error = (referenceExact ? 0 : KllSketch.RankError) + (currentExact ? 0 : KllSketch.RankError);
        return Math.Max(0, d - error);
    }

    /// <summary>The asymptotic two-sample p-value of statistic <paramref name="d"/> (Kolmogorov distribution, Stephens' correction).</summary>
    public static double KolmogorovPValue(double d, long n, long m)
    {
        if (d <= 0)
        {
            return 1;
        }

        var effective = Math.Sqrt((double)n * m / (n + m));
        var lambda = (effective + 0.12 + (0.11 / effective)) * d;
        double sum = 0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 2 : -2) * term;
            if (term < 1e-12)
            {
                break;
            }
        }

        return Math.Clamp(sum, 0, 1);
    }

    /// <summary>
    /// Chi-square goodness of fit of the current counts against the reference proportions, reference counts
    /// smoothed by +0.5 so a category new to the reference weighs a finite amount. Returns the statistic and p-value.
    /// </summary>
    public static (double Statistic, double PValue) ChiSquare(long[] reference, long[] current)
    {
        double refTotal = reference.Sum() + (0.5 * reference.Length);
        double curTotal = current.Sum();
        double statistic = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            var expected = curTotal * (reference[i] + 0.5) / refTotal;
            statistic += (current[i] - expected) * (current[i] - expected) / expected;
        }

        var df = reference.Length - 1;
        return df < 1 ? (0, 1) : (statistic, 1 - ChiSquared.CDF(df, statistic));
    }
}
