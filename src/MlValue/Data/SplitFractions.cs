using System.Globalization;

namespace MlValue.Data;

/// <summary>The fractions of a train/validation/test split; each in [0, 1], together 1.</summary>
public sealed class SplitFractions
{
    /// <summary>Creates fractions, checking each is in [0, 1] and that they add up to 1 (within 1e-9).</summary>
    /// <param name="train">The fraction of keys that go to training.</param>
    /// <param name="validation">The fraction of keys that go to validation.</param>
    /// <param name="test">The fraction of keys that go to test.</param>
    public SplitFractions(double train, double validation, double test)
    {
        Check(train, nameof(train));
        Check(validation, nameof(validation));
        Check(test, nameof(test));
        var sum = train + validation + test;
        if (Math.Abs(sum - 1) > 1e-9)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Split fractions must add up to 1; train {train} + validation {validation} + test {test} = {sum}. Adjust them, for example 0.8/0.1/0.1."));
        }

        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>80% train, 10% validation, 10% test.</summary>
    public static SplitFractions Default { get; } = new(0.8, 0.1, 0.1);

    /// <summary>The fraction of keys that go to training.</summary>
    public double Train { get; }

    /// <summary>The fraction of keys that go to validation.</summary>
    public double Validation { get; }

    /// <summary>The fraction of keys that go to test.</summary>
    public double Test { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Train:R}/{Validation:R}/{Test:R}");

    private static void Check(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Split fraction '{name}' must be a number in [0, 1].");
        }
    }
}
