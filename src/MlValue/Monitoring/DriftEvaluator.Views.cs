using MlValue.Monitoring.Sketches;

namespace MlValue.Monitoring;

/// <summary>
/// Sorted views for the KS test without per-window allocation: the reference's views are built once per
/// evaluator (a reference profile never changes) and the window's view is written into reused buffers.
/// Not thread-safe: the monitor keeps one evaluator and uses it under its window lock.
/// </summary>
internal sealed partial class DriftEvaluator
{
    private readonly Dictionary<KllSketch, (double[] Values, double[] Cdf)> _referenceViews = new(ReferenceEqualityComparer.Instance);
    private double[] _values = [];
    private double[] _cdf = [];

    private double KolmogorovSmirnov(KllSketch baseline, KllSketch current)
    {
        if (!_referenceViews.TryGetValue(baseline, out var view))
        {
            view = baseline.SortedView();
            _referenceViews[baseline] = view;
        }

        var n = current.SortedView(ref _values, ref _cdf);
        return DriftStatistics.KolmogorovSmirnov(view.Values, view.Cdf, baseline.IsExact, _values.AsSpan(0, n), _cdf.AsSpan(0, n), current.IsExact);
    }
}
