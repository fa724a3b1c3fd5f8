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
/// probability <c>clamp(weight × Score + 0.1 × Links)</c>, positive above 0.5, counts its calls and records the weights
/// of the models it loaded and disposed. A disposed model throws <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class LinearFormat : IModelFormat
{
    public const string Id = "test-linear";

    /// <summary>The text of an input that waits at the <see cref="Gate"/>, when one is set.</summary>
    public const string WaitText = "wait at the gate";

    private readonly Lock _lock = new();
    private readonly List<float> _loaded = [];
    private readonly List<float> _disposed = [];
    private int _calls;

    public string FormatId => Id;

    /// <summary>Predictions made by every model of this format: zero means a rejected request never reached a model.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The weights of the models loaded, in order.</summary>
    public IReadOnlyList<float> Loaded
    {
        get
        {
            lock (_lock)
            {
                return [.. _loaded];
            }
        }
    }

    /// <summary>The weights of the models disposed, in order, once per call of <c>Dispose</c>.</summary>
    public IReadOnlyList<float> Disposed
    {
        get
        {
            lock (_lock)
            {
                return [.. _disposed];
            }
        }
    }

    /// <summary>When set, a prediction for <see cref="WaitText"/> signals <see cref="PredictionGate.Entered"/> and waits for <see cref="PredictionGate.Open"/>.</summary>
    public PredictionGate? Gate { get; set; }

    public static byte[] Artifact(float weight)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, weight);
        return bytes;
    }

    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
    {
        var weight = BinaryPrimitives.ReadSingleLittleEndian(artifact.Content.Span);
        lock (_lock)
        {
            _loaded.Add(weight);
        }

        return (IPredictionModel<TInput, TOutput>)(object)new LinearModel(weight, this);
    }

    private sealed class LinearModel(float weight, LinearFormat format) : IPredictionModel<SpamInput, BinaryPrediction>
    {
        private int _disposed;

        public BinaryPrediction Predict(SpamInput input)
        {
            if (input.Text == WaitText && format.Gate is { } gate)
            {
                gate.Entered.TrySetResult();
                gate.Open.Task.GetAwaiter().GetResult();
            }

            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            Interlocked.Increment(ref format._calls);
            if (input.Links < 0)
            {
                // A model that fails on some valid inputs, as real models do.
                throw new InvalidOperationException($"secret detail of the input: {input.Links} links");
            }

            var probability = Math.Clamp((weight * input.Score) + (0.1f * input.Links), 0f, 1f);
            return new BinaryPrediction { Probability = probability, Score = probability - 0.5f, PredictedLabel = probability > 0.5f };
        }

        /// <summary>Every call is recorded, so a model disposed twice shows twice in <see cref="Disposed"/>.</summary>
        public void Dispose()
        {
            Volatile.Write(ref _disposed, 1);
            lock (format._lock)
            {
                format._disposed.Add(weight);
            }
        }
    }
}

/// <summary>Holds the predictions for <see cref="LinearFormat.WaitText"/> until the test opens it: a request that stays in flight.</summary>
public sealed class PredictionGate
{
    /// <summary>Completed when a prediction reaches the gate.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Complete it to let the waiting predictions go on.</summary>
    public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
