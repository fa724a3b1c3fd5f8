using MlValue.Serving;

namespace MlValue.Tests.Serving;

/// <summary>Keeps what a predictor reports; throws on demand.</summary>
internal sealed class RecordingObserver<TInput, TOutput> : IPredictionObserver<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    public List<(string CorrelationId, DateTimeOffset Timestamp, int Version, ServingArm Arm, TOutput Output)> Predictions { get; } = [];

    public List<(string CorrelationId, int PrimaryVersion, TOutput Primary, int ShadowVersion, TOutput Shadow)> Disagreements { get; } = [];

    public bool Throw { get; set; }

    public void OnPrediction(in PredictionEvent<TInput, TOutput> prediction)
    {
        Predictions.Add((prediction.CorrelationId, prediction.Timestamp, prediction.Version, prediction.Arm, prediction.Output));
        if (Throw)
        {
            throw new InvalidOperationException("observer failed");
        }
    }

    public void OnDisagreement(in ShadowDisagreement<TInput, TOutput> disagreement)
        => Disagreements.Add((disagreement.CorrelationId, disagreement.PrimaryVersion, disagreement.PrimaryOutput, disagreement.ShadowVersion, disagreement.ShadowOutput));
}
