using MlValue.Training;

namespace MlValue.Evaluation;

/// <summary>
/// What the standard promotion step needs: the trained challenger, the no-ML baseline to beat, the
/// holdout all of them are judged on, and where the challenger goes if it wins.
/// </summary>
/// <typeparam name="TInput">The model's input record type.</typeparam>
/// <typeparam name="TLabel">The label type: <see cref="bool"/> (binary), <see cref="string"/> (multiclass) or <see cref="float"/> (regression).</typeparam>
public sealed class PromotionRequest<TInput, TLabel>
    where TInput : class
{
    /// <summary>The registered model's name.</summary>
    public required string ModelName { get; init; }

    /// <summary>The alias the challenger takes when it wins, and whose current version is the champion. Default: <c>champion</c>.</summary>
    public string Alias { get; init; } = "champion";

    /// <summary>What the trainer returned for the challenger.</summary>
    public required TrainedModel Challenger { get; init; }

    /// <summary>The no-ML baseline trained on the same data, if any (the policy may require one for a first model).</summary>
    public TrainedModel? Baseline { get; init; }

    /// <summary>The holdout every model is evaluated on; its dataset id becomes the version's evaluation dataset.</summary>
    public required Holdout<TInput, TLabel> Holdout { get; init; }

    /// <summary>The promotion policy; null for the one configured in <c>MlValue:Evaluation:Policy</c>.</summary>
    public PromotionPolicy? Policy { get; init; }

    /// <summary>Tags of the new version (keys starting with <c>mlvalue.</c> are the registry's own).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Attachments of the new version, for example the monitor's reference profile.</summary>
    public IReadOnlyDictionary<string, byte[]> Attachments { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>The code version recorded with the new version; null for the registry's default.</summary>
    public string? CodeVersion { get; init; }

    /// <summary>
    /// Makes the promotion's effects happen once per key (for a loop step: <c>StepContext.IdempotencyKey</c>):
    /// a version registered under the key before is reused instead of registering another, the champion
    /// it was judged against (its parent) is judged against again, and the alias is moved only if it does
    /// not point to that version yet, by compare-and-swap against that champion. <see langword="null"/>
    /// (the default): every call registers a new version.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
