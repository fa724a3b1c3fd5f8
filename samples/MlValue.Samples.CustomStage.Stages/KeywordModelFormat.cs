using MlValue.Training;

namespace MlValue.Samples.CustomStage;

/// <summary>Loads <see cref="KeywordWeights.FormatId"/> artifacts into a thread-safe binary model (registered in DI as an <see cref="IModelFormat"/>).</summary>
public sealed class KeywordModelFormat : IModelFormat
{
    /// <inheritdoc />
    public string FormatId => KeywordWeights.FormatId;

    /// <inheritdoc />
    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
    {
        ArgumentNullException.ThrowIfNull(artifact);
        if (typeof(TInput) != typeof(Message) || typeof(TOutput) != typeof(BinaryPrediction))
        {
            throw new ModelLoadException($"The {FormatId} format predicts BinaryPrediction from Message; {typeof(TInput).Name} → {typeof(TOutput).Name} was asked for.");
        }

        KeywordWeights weights;
        try
        {
            weights = KeywordWeights.FromBytes(artifact.Content.Span);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ModelLoadException($"The {FormatId} artifact {artifact.Sha256} is not valid JSON: {ex.Message}", ex);
        }

        return (IPredictionModel<TInput, TOutput>)(object)new KeywordModel(weights);
    }

    private sealed class KeywordModel(KeywordWeights weights) : IPredictionModel<Message, BinaryPrediction>
    {
        public BinaryPrediction Predict(Message input)
        {
            var score = weights.Bias + KeywordWeights.Words(input.Text).Sum(w => weights.Weights.GetValueOrDefault(w));
            return new BinaryPrediction { Score = (float)score, Probability = (float)(1 / (1 + Math.Exp(-score))), PredictedLabel = score > 0 };
        }

        public void Dispose()
        {
        }
    }
}
