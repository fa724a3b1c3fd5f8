namespace MlValue.Monitoring.Sketches;

/// <summary>
/// Mergeable performance of the labelled predictions of a bucket. Binary: confusion counts at the decision
/// threshold, log-loss sum, and score histograms of positives and negatives (<see cref="ScoreBins"/> bins on
/// [0, 1]) from which a binned ROC AUC is computed. Regression: sums of absolute and squared errors.
/// </summary>
internal sealed class PerformanceSketch
{
    public const int ScoreBins = 50;

    private const double Epsilon = 1e-15;

    public long Labeled { get; private set; }

    public long TruePositives { get; private set; }

    public long FalsePositives { get; private set; }

    public long TrueNegatives { get; private set; }

    public long FalseNegatives { get; private set; }

    public double LogLossSum { get; private set; }

    public double AbsoluteErrorSum { get; private set; }

    public double SquaredErrorSum { get; private set; }

    public long[] PositiveScores { get; } = new long[ScoreBins];

    public long[] NegativeScores { get; } = new long[ScoreBins];

    public void AddBinary(double probability, bool actual, double threshold)
    {
        Labeled++;
        var predicted = probability >= threshold;
        if (predicted && actual) { TruePositives++; }
        else if (predicted) { FalsePositives++; }
        else if (actual) { FalseNegatives++; }
        else { TrueNegatives++; }

        var p = Math.Clamp(probability, Epsilon, 1 - Epsilon);
        LogLossSum -= actual ? Math.Log(p) : Math.Log(1 - p);
        var bin = Math.Min(ScoreBins - 1, (int)(probability * ScoreBins));
        (actual ? PositiveScores : NegativeScores)[bin]++;
    }

    public void AddRegression(double predicted, double actual)
    {
        Labeled++;
        var error = predicted - actual;
        AbsoluteErrorSum += Math.Abs(error);
        SquaredErrorSum += error * error;
    }

    /// <summary>The binned ROC AUC: P(score of a positive &gt; score of a negative), ties in a bin counted half. NaN without both classes.</summary>
    public double Auc()
    {
        double positives = PositiveScores.Sum(), negatives = NegativeScores.Sum();
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double above = 0, sum = 0;
        for (var i = ScoreBins - 1; i >= 0; i--)
        {
            sum += NegativeScores[i] * (above + (PositiveScores[i] / 2.0));
            above += PositiveScores[i];
        }

        return sum / (positives * negatives);
    }

    public void Merge(PerformanceSketch other)
    {
        Labeled += other.Labeled;
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        TrueNegatives += other.TrueNegatives;
        FalseNegatives += other.FalseNegatives;
        LogLossSum += other.LogLossSum;
        AbsoluteErrorSum += other.AbsoluteErrorSum;
        SquaredErrorSum += other.SquaredErrorSum;
        for (var i = 0; i < ScoreBins; i++)
        {
            PositiveScores[i] += other.PositiveScores[i];
            NegativeScores[i] += other.NegativeScores[i];
        }
    }

    public void Reset()
    {
        Labeled = TruePositives = FalsePositives = TrueNegatives = FalseNegatives = 0;
        LogLossSum = AbsoluteErrorSum = SquaredErrorSum = 0;
        Array.Clear(PositiveScores);
        Array.Clear(NegativeScores);
    }

    public void Write(BinaryWriter writer)
    {
        foreach (var v in new[] { Labeled, TruePositives, FalsePositives, TrueNegatives, FalseNegatives })
        {
            writer.Write(v);
        }

        writer.Write(LogLossSum);
        writer.Write(AbsoluteErrorSum);
        writer.Write(SquaredErrorSum);
        for (var i = 0; i < ScoreBins; i++)
        {
            writer.Write(PositiveScores[i]);
            writer.Write(NegativeScores[i]);
        }
    }

    public void Read(BinaryReader reader)
    {
        Labeled = reader.ReadInt64();
        TruePositives = reader.ReadInt64();
        FalsePositives = reader.ReadInt64();
        TrueNegatives = reader.ReadInt64();
        FalseNegatives = reader.ReadInt64();
        LogLossSum = reader.ReadDouble();
        AbsoluteErrorSum = reader.ReadDouble();
        SquaredErrorSum = reader.ReadDouble();
        for (var i = 0; i < ScoreBins; i++)
        {
            PositiveScores[i] = reader.ReadInt64();
            NegativeScores[i] = reader.ReadInt64();
        }
    }
}
