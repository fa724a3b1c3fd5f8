namespace MlValue.Training;

/// <summary>
/// Loads artifacts of one format into a ready-to-use model. Register one per format id; the
/// predictor and the evaluator pick the format by <see cref="ModelArtifact.FormatId"/>.
/// Implement it to serve a model that is not ML.NET (ONNX, rules, a remote service).
/// </summary>
public interface IModelFormat
{
    /// <summary>The format id this loader understands.</summary>
    string FormatId { get; }

    /// <summary>Loads the artifact fully; a model is returned only once it is ready to predict.</summary>
    /// <typeparam name="TInput">The input record type.</typeparam>
    /// <typeparam name="TOutput">The prediction type.</typeparam>
    /// <param name="artifact">The artifact, whose <see cref="ModelArtifact.FormatId"/> equals <see cref="FormatId"/>.</param>
    /// <returns>A thread-safe model.</returns>
    IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new();
}
