namespace MlValue.Evaluation;

/// <summary>One reliability bin: the rows whose predicted probability falls in [<see cref="Lower"/>, <see cref="Upper"/>).</summary>
public sealed class CalibrationBin
{
    /// <summary>The inclusive lower edge.</summary>
    public required double Lower { get; init; }

    /// <summary>The exclusive upper edge (the last bin includes 1).</summary>
    public required double Upper { get; init; }

    /// <summary>The number of rows in the bin.</summary>
    public required int Count { get; init; }

    /// <summary>The mean predicted probability; <see langword="null"/> when the bin is empty.</summary>
    public double? MeanPredicted { get; init; }

    /// <summary>The observed rate of positives; <see langword="null"/> when the bin is empty.</summary>
    public double? ObservedRate { get; init; }
}
