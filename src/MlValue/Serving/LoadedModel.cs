using MlValue.Training;

namespace MlValue.Serving;

/// <summary>
/// One loaded version with a striped in-flight count: each request increments and decrements the counter of
/// the core it runs on (one cache line per stripe, so threads on different cores never write the same line).
/// The slot retires the version when it is swapped out; the model is disposed once, when it is retired and
/// no stripe holds a request, so a swapped-out version finishes its in-flight requests first.
/// </summary>
internal sealed class LoadedModel<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    /// <summary>Ints between two stripes: 128 bytes, two cache lines (adjacent-line prefetch).</summary>
    private const int Stride = 32;
    private static readonly int StripeMask = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64)) - 1;

    /// <summary>Stripe <c>s</c> lives at <c>(s + 1) * Stride</c>; the first and last lines stay empty as padding.</summary>
    private readonly int[] _inFlight = new int[(StripeMask + 3) * Stride];
    private int _retired;
    private int _disposed;

    public LoadedModel(string modelName, int version, ServingArm arm, IPredictionModel<TInput, TOutput> model, DateTimeOffset loadedAt)
    {
        Version = version;
        Arm = arm;
        Model = model;
        LoadedAt = loadedAt;
        Tags =
        [
            new("mlvalue.model.name", modelName),
            new("mlvalue.model.version", version),
            new("mlvalue.arm", ServingTelemetry.ArmName(arm)),
        ];
    }

    public int Version { get; }

    public ServingArm Arm { get; }

    public IPredictionModel<TInput, TOutput> Model { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The telemetry tags, built once per version so predictions do not allocate them.</summary>
    public KeyValuePair<string, object?>[] Tags { get; }

    /// <summary>True once the model is disposed (for tests).</summary>
    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Takes a reference unless the version is retired; release it with the same <paramref name="stripe"/>.</summary>
    public bool TryAcquire(out int stripe)
    {
        stripe = (Thread.GetCurrentProcessorId() & StripeMask) + 1;
        Interlocked.Increment(ref _inFlight[stripe * Stride]);
        if (Volatile.Read(ref _retired) == 0)
        {
            return true;
        }

        Release(stripe);
        return false;
    }

    /// <summary>Drops a reference taken by <see cref="TryAcquire"/>; the last one after retirement disposes the model.</summary>
    public void Release(int stripe)
    {
        Interlocked.Decrement(ref _inFlight[stripe * Stride]);
        if (Volatile.Read(ref _retired) != 0)
        {
            DisposeIfIdle();
        }
    }

    /// <summary>Stops new requests; the model is disposed now if idle, else by the last request to finish.</summary>
    public void Retire()
    {
        if (Interlocked.Exchange(ref _retired, 1) == 0)
        {
            DisposeIfIdle();
        }
    }

    /// <summary>
    /// An acquirer increments then reads the flag; <see cref="Retire"/> sets the flag then reads the stripes (both
    /// through full fences), so either the acquirer backs off or its increment is seen here.
    /// </summary>
    private void DisposeIfIdle()
    {
        Interlocked.MemoryBarrier();
        for (var s = 1; s <= StripeMask + 1; s++)
        {
            if (Volatile.Read(ref _inFlight[s * Stride]) != 0)
            {
                return;
            }
        }

        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Model.Dispose();
        }
    }
}
