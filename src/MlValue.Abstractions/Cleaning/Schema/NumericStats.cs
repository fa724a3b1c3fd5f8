namespace MlValue.Cleaning;

/// <summary>The observed distribution of a number column (finite values only).</summary>
public sealed class NumericStats
{
    /// <summary>The smallest finite value.</summary>
    public double Min { get; init; }

    /// <summary>The largest finite value.</summary>
    public double Max { get; init; }

    /// <summary>The mean of the finite values.</summary>
    public double Mean { get; init; }

    /// <summary>The 5th, 25th, 50th, 75th and 95th percentiles (nearest rank).</summary>
    public IReadOnlyList<double> Quantiles { get; init; } = [];

    /// <summary>How many values were NaN or ±Infinity.</summary>
    public long NonFinite { get; init; }
}
