using System.Buffers.Binary;
using MlValue.Training;

namespace MlValue.Tests.Support;

/// <summary>The input of the test model: a message with a length score, a link count and its text.</summary>
public sealed class SpamInput
{
    public string Text { get; set; } = string.Empty;

    public float Score { get; set; }

    public int Links { get; set; }
}

/// <summary>
/// Format <c>test-linear</c>: the artifact is a float weight; the model answers a <see cref="BinaryPrediction"/> with
/// probability <c>clamp(weight × Score + 0.1 × Links)</c>, positive above 0.5, and counts its calls.
/// </summary>
public sealed class LinearFormat : IModelFormat
{
    public const string Id = "test-linear";

    private int _calls;

    public string FormatId => Id;

    /// <summary>Predictions made by every model of this format: zero means a rejected request never reached a model.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public static byte[] Artifact(float weight)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, weight);
        return bytes;
    }

    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
        => (IPredictionModel<TInput, TOutput>)(object)new LinearModel(BinaryPrimitives.ReadSingleLittleEndian(artifact.Content.Span), this);

    private sealed class LinearModel(float weight, LinearFormat format) : IPredictionModel<SpamInput, BinaryPrediction>
    {
        public BinaryPrediction Predict(SpamInput input)
        {
            Interlocked.Increment(ref format._calls);
            if (input.Links < 0)
            {
                // A model that fails on some valid inputs, as real models do.
                throw new InvalidOperationException($"secret detail of the input: {input.Links} links");
            }

            var probability = Math.Clamp((weight * input.Score) + (0.1f * input.Links), 0f, 1f);
            return new BinaryPrediction { Probability = probability, Score = probability - 0.5f, PredictedLabel = probability > 0.5f };
        }

        public void Dispose()
        {
        }
    }
}
