using MlValue.Training;

namespace MlValue.Serving;

/// <summary>
/// One loaded version, reference-counted: the slot holds one reference, each in-flight request one
/// more. The model is disposed when the last reference is released, so a swapped-out version
/// finishes its in-flight requests first.
/// </summary>
internal sealed class LoadedModel<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    private int _references = 1;

    public LoadedModel(string modelName, int version, ServingArm arm, IPredictionModel<TInput, TOutput> model, DateTimeOffset loadedAt)
    {
        Version = version;
        Arm = arm;
        Model = model;
        LoadedAt = loadedAt;
        Tags =
        [
            new("model", modelName),
            new("version", version),
            new("arm", ServingTelemetry.ArmName(arm)),
        ];
    }

    public int Version { get; }

    public ServingArm Arm { get; }

    public IPredictionModel<TInput, TOutput> Model { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The telemetry tags, built once per version so predictions do not allocate them.</summary>
    public KeyValuePair<string, object?>[] Tags { get; }

    /// <summary>Takes a reference unless the model is already released for good.</summary>
    public bool TryAcquire()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Drops a reference; the last one disposes the model.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Model.Dispose();
        }
    }
}
