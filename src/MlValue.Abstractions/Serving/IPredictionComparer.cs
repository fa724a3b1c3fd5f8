namespace MlValue.Serving;

/// <summary>
/// Decides whether a shadow output disagrees with the primary output. Register one in DI, keyed
/// by model name or not, to replace the default (binary: label differs or |probability diff| &gt;
/// tolerance; multiclass: label differs or any |class probability diff| &gt; tolerance; regression:
/// |score diff| &gt; tolerance; other types: not equal).
/// </summary>
/// <typeparam name="TOutput">The prediction type.</typeparam>
public interface IPredictionComparer<in TOutput>
    where TOutput : class
{
    /// <summary>Whether the two outputs disagree.</summary>
    /// <param name="primary">The primary output.</param>
    /// <param name="shadow">The shadow output.</param>
    /// <param name="tolerance">The configured <c>ServingOptions.DisagreementTolerance</c>.</param>
    /// <returns><see langword="true"/> when they disagree.</returns>
    bool Disagree(TOutput primary, TOutput shadow, double tolerance);
}
