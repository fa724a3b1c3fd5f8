namespace MlValue.Monitoring;

/// <summary>How buckets are grouped into windows: each window covers <see cref="Size"/>, a new one starts every <see cref="Step"/>.</summary>
public readonly record struct WindowSpec
{
    private WindowSpec(TimeSpan size, TimeSpan step)
    {
        Size = size;
        Step = step;
    }

    /// <summary>The length of a window; a whole multiple of the bucket width.</summary>
    public TimeSpan Size { get; }

    /// <summary>The distance between window starts; a whole multiple of the bucket width.</summary>
    public TimeSpan Step { get; }

    /// <summary>Back-to-back windows of <paramref name="size"/>, aligned to multiples of it since the Unix epoch.</summary>
    /// <param name="size">The window length.</param>
    /// <returns>The spec.</returns>
    public static WindowSpec Tumbling(TimeSpan size) => new(size, size);

    /// <summary>Overlapping windows of <paramref name="size"/>, one ending every <paramref name="step"/>.</summary>
    /// <param name="size">The window length.</param>
    /// <param name="step">The distance between window ends.</param>
    /// <returns>The spec.</returns>
    public static WindowSpec Sliding(TimeSpan size, TimeSpan step) => new(size, step);
}
