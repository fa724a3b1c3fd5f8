using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using MlValue.Benchmarks.Support;
using MlValue.Monitoring;

namespace MlValue.Benchmarks.Monitoring;

/// <summary>
/// Target 3: the memory a monitor retains after N records, measured with <c>GC.GetTotalMemory(true)</c> before
/// the monitor is created and after the N-th record (inputs and correlation ids are allocated before the first
/// measurement and shared by every count). Records spread evenly over the same 7 days of event time for every
/// N, with the default window configuration (1-hour buckets, 7-day retention, 100,000 pending outcomes).
/// </summary>
public static class MonitorMemory
{
    /// <summary>The record counts of the console mode.</summary>
    public static readonly long[] DefaultCounts = [1_000_000, 10_000_000];

    /// <summary>Retained bytes of a monitor after <paramref name="records"/> records.</summary>
    /// <param name="records">How many records to record.</param>
    /// <param name="inputs">The distinct inputs, cycled.</param>
    /// <param name="ids">The distinct correlation ids, cycled (more than the pending capacity, so the pending store fills).</param>
    /// <returns>The retained bytes and the monitor's bucket count.</returns>
    public static (long Bytes, int Buckets) Measure(long records, TenFeatures[] inputs, string[] ids)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(ids);
        var start = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
        var span = TimeSpan.FromDays(7).Ticks;
        var clock = new FakeTimeProvider(start);
        var schema = TenFeatures.Schema();
        var reference = ReferenceProfile.Build(schema, inputs.Take(5_000), r => r.F0);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var monitor = new ModelMonitor<TenFeatures>("memory-bench", schema, reference, new MonitoringOptions { SaveInterval = TimeSpan.Zero }, clock, stateDirectory: null);
        var ticks = start.UtcTicks;
        for (long i = 0; i < records; i++)
        {
            var now = new DateTimeOffset(start.UtcTicks + (long)((Int128)span * i / records), TimeSpan.Zero);
            if (now.UtcTicks != ticks)
            {
                clock.SetUtcNow(now);
                ticks = now.UtcTicks;
            }

            var input = inputs[i % inputs.Length];
            monitor.Record(input, input.F0, "7", ids[i % ids.Length], now);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var buckets = monitor.BucketCount;
        GC.KeepAlive(monitor);
        monitor.Dispose();
        return (after - before, buckets);
    }

    /// <summary>Runs the measurement for each count and renders a Markdown table with the ratio to the first count.</summary>
    /// <param name="counts">The record counts, smallest first.</param>
    /// <param name="distinctIds">Distinct correlation ids.</param>
    /// <returns>The table.</returns>
    public static string Report(IReadOnlyList<long> counts, int distinctIds)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var inputs = TenFeatures.Generate(10_000, seed: 3);
        var ids = CorrelationIds.Create(distinctIds, "m-");
        var text = new StringBuilder();
        text.AppendLine("| records | retained bytes | buckets | ratio to first |");
        text.AppendLine("|---:|---:|---:|---:|");
        long first = 0;
        foreach (var count in counts)
        {
            var (bytes, buckets) = Measure(count, inputs, ids);
            first = first == 0 ? bytes : first;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {count:N0} | {bytes:N0} | {buckets} | {(double)bytes / first:F3} |");
        }

        return text.ToString();
    }
}
