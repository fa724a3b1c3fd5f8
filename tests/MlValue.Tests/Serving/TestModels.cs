using System.Buffers.Binary;
using MlValue.Training;

namespace MlValue.Tests.Serving;

internal sealed class TestInput
{
    public string Text { get; init; } = string.Empty;

    public float X { get; init; }
}

internal sealed class TestOutput
{
    public int Value { get; set; }
}

/// <summary>
/// Format <c>test-constant</c>: the artifact is an int32; the model answers that constant with one
/// cached output (it allocates nothing), throws when the constant is negative, and fails after dispose.
/// </summary>
internal sealed class ConstantFormat : IModelFormat
{
    public const string Id = "test-constant";

    public List<ConstantModel> Loaded { get; } = [];

    public string FormatId => Id;

    public static byte[] Artifact(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
    {
        var model = new ConstantModel(BinaryPrimitives.ReadInt32LittleEndian(artifact.Content.Span));
        lock (Loaded)
        {
            Loaded.Add(model);
        }

        return (IPredictionModel<TInput, TOutput>)(object)model;
    }
}

internal sealed class ConstantModel(int value) : IPredictionModel<TestInput, TestOutput>
{
    private readonly TestOutput _output = new() { Value = value };
    private int _disposed;

    public int Value => value;

    public int DisposeCount => Volatile.Read(ref _disposed);

    /// <summary>When set, Predict waits for it (to hold a request in flight).</summary>
    public ManualResetEventSlim? Gate { get; set; }

    public ManualResetEventSlim Entered { get; } = new();

    public TestOutput Predict(TestInput input)
    {
        ObjectDisposedException.ThrowIf(DisposeCount > 0, this);
        if (Gate is { } gate)
        {
            Entered.Set();
            gate.Wait();
        }

        return value < 0 ? throw new InvalidOperationException("The constant model was built to fail.") : _output;
    }

    public void Dispose() => Interlocked.Increment(ref _disposed);
}

/// <summary>Format <c>test-threshold</c>: a binary classifier, positive when X is above the float in the artifact.</summary>
internal sealed class ThresholdFormat : IModelFormat
{
    public const string Id = "test-threshold";

    public string FormatId => Id;

    public static byte[] Artifact(float threshold)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, threshold);
        return bytes;
    }

    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
        => (IPredictionModel<TInput, TOutput>)(object)new ThresholdModel(BinaryPrimitives.ReadSingleLittleEndian(artifact.Content.Span));

    private sealed class ThresholdModel(float threshold) : IPredictionModel<TestInput, BinaryPrediction>
    {
        public BinaryPrediction Predict(TestInput input) => new()
        {
            PredictedLabel = input.X > threshold,
            Score = input.X - threshold,
            Probability = 1f / (1f + MathF.Exp(threshold - input.X)),
        };

        public void Dispose()
        {
        }
    }
}

/// <summary>Format <c>test-broken</c>: loading always throws, as a model file that cannot be read.</summary>
internal sealed class BrokenFormat : IModelFormat
{
    public const string Id = "test-broken";

    public string FormatId => Id;

    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
        => throw new InvalidDataException("The model file cannot be read.");
}
