namespace MlValue.Serving;

/// <summary>
/// A counter that many threads increment without sharing a cache line: one padded stripe per core
/// (chosen by <see cref="Thread.GetCurrentProcessorId"/>), summed on read.
/// </summary>
internal sealed class StripedCounter
{
    /// <summary>Longs between two stripes: 128 bytes, two cache lines (adjacent-line prefetch).</summary>
    private const int Stride = 16;
    private static readonly int StripeMask = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64)) - 1;

    /// <summary>Stripe <c>s</c> lives at <c>(s + 1) * Stride</c>; the first and last lines stay empty as padding.</summary>
    private readonly long[] _counts = new long[(StripeMask + 3) * Stride];

    /// <summary>Adds one.</summary>
    public void Increment() => Interlocked.Increment(ref _counts[((Thread.GetCurrentProcessorId() & StripeMask) + 1) * Stride]);

    /// <summary>The sum of all stripes (exact once the incrementing threads are done).</summary>
    public long Value
    {
        get
        {
            long sum = 0;
            for (var s = 1; s <= StripeMask + 1; s++)
            {
                sum += Interlocked.Read(ref _counts[s * Stride]);
            }

            return sum;
        }
    }
}
