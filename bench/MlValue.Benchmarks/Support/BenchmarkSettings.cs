namespace MlValue.Benchmarks.Support;

/// <summary>Switches every benchmark to tiny data, so the smoke test executes each method once in seconds.</summary>
public static class BenchmarkSettings
{
    /// <summary>True in the smoke test: small data sets, few trees, a generated parquet file instead of the real one.</summary>
    public static bool Smoke { get; set; }

    /// <summary>Picks the full-size value, or the smoke-size value in the smoke test.</summary>
    /// <param name="full">The value for a benchmark run.</param>
    /// <param name="smoke">The value for the smoke test.</param>
    /// <returns>One of the two.</returns>
    public static int Scale(int full, int smoke) => Smoke ? smoke : full;
}
