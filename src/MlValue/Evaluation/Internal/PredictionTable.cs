namespace MlValue.Evaluation.Internal;

/// <summary>The predictions and labels of one evaluation, as columns, from which metrics are computed for any subset of rows.</summary>
internal abstract class PredictionTable
{
    public abstract int Count { get; }

    /// <summary>The task metrics over the given rows (all rows when <paramref name="rows"/> is null).</summary>
    public abstract IReadOnlyList<MetricValue> Metrics(IReadOnlyList<int>? rows);

    public abstract string LabelText(int row);

    public abstract string PredictionText(int row);

    protected static IReadOnlyList<int> AllRows(int count) => Enumerable.Range(0, count).ToArray();

    protected static double ClippedLogLoss(double probabilityOfTruth)
        => -Math.Log(Math.Clamp(probabilityOfTruth, MetricNames.LogLossEpsilon, 1 - MetricNames.LogLossEpsilon));
}

/// <summary>A prediction table filled row by row from a model's predictions.</summary>
/// <typeparam name="TOutput">The prediction type.</typeparam>
/// <typeparam name="TLabel">The label type.</typeparam>
internal abstract class PredictionTable<TOutput, TLabel> : PredictionTable
{
    /// <summary>Adds one row after checking it, and returns its loss.</summary>
    public abstract double Add(TOutput prediction, TLabel label, int row);
}
