namespace MlValue.Annotation;

/// <summary>A chance-corrected agreement: κ = (P̄ − P̄e) / (1 − P̄e).</summary>
public sealed class KappaResult
{
    internal KappaResult(double kappa, double observed, double expected, int items)
    {
        Kappa = kappa;
        ObservedAgreement = observed;
        ExpectedAgreement = expected;
        Items = items;
    }

    /// <summary>
    /// κ in [−1, 1]; 1 is perfect agreement, 0 is what chance gives. <see cref="double.NaN"/> when
    /// undefined: no items were compared, or chance agreement is 1 (every rating was the same label).
    /// </summary>
    public double Kappa { get; }

    /// <summary>The observed agreement P̄, in [0, 1].</summary>
    public double ObservedAgreement { get; }

    /// <summary>The agreement expected by chance P̄e, in [0, 1].</summary>
    public double ExpectedAgreement { get; }

    /// <summary>How many items entered the computation (after abstains were left out).</summary>
    public int Items { get; }

    /// <summary>κ with three decimals, or <c>n/a</c> when undefined.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => double.IsNaN(Kappa) ? "n/a" : Kappa.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    internal static KappaResult From(double observed, double expected, int items)
        => new(items == 0 || expected >= 1 - 1e-12 ? double.NaN : (observed - expected) / (1 - expected), observed, expected, items);
}
