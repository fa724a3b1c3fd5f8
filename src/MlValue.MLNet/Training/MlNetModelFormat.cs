using Microsoft.ML;
using MlValue.Internal;

namespace MlValue.Training;

/// <summary>
/// Loads <c>mlnet-zip</c> artifacts (an ML.NET model saved with <c>MLContext.Model.Save</c>) fully,
/// then predicts thread-safely from a pool of <see cref="PredictionEngine{TSrc, TDst}"/>s.
/// </summary>
public sealed class MlNetModelFormat : IModelFormat
{
    /// <summary>The format id: <c>mlnet-zip</c>.</summary>
    public const string Id = "mlnet-zip";

    /// <inheritdoc/>
    public string FormatId => Id;

    /// <inheritdoc/>
    /// <exception cref="ModelLoadException">The artifact is not a loadable ML.NET model, or its columns do not fit the input or prediction type.</exception>
    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
    {
        ArgumentNullException.ThrowIfNull(artifact);
        FormatCheck.Matches(artifact, Id);
        var ml = new MLContext(seed: 0);
        ITransformer transformer;
        try
        {
            using var stream = artifact.OpenRead();
            transformer = ml.Model.Load(stream, out _);
        }
        catch (Exception error) when (error is InvalidOperationException or InvalidDataException or FormatException or ArgumentException or IOException or KeyNotFoundException or NotSupportedException)
        {
            throw new ModelLoadException(
                $"The artifact {Short(artifact)} of format '{Id}' is not a loadable ML.NET model ({error.GetType().Name}: {error.Message}). How to fix: the bytes are corrupted or not an ML.NET zip; load the artifact again from the registry (its SHA-256 is checked there) or retrain.",
                error);
        }

        try
        {
            return new PooledPredictionModel<TInput, TOutput>(ml, transformer);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or ArgumentOutOfRangeException)
        {
            throw new ModelLoadException(
                $"The ML.NET model {Short(artifact)} cannot predict from {typeof(TInput).Name} into {typeof(TOutput).Name} ({error.Message}). How to fix: the input type must have the model's input columns (see TrainedModel.InputSchema), and the prediction type must fit the task (BinaryPrediction, MulticlassPrediction or RegressionPrediction).",
                error);
        }
    }

    internal static string Short(ModelArtifact artifact) => FormatCheck.Short(artifact);
}
