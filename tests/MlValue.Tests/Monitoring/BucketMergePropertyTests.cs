using MlValue.Monitoring;
using MlValue.Monitoring.Sketches;

namespace MlValue.Tests.Monitoring;

/// <summary>Property: a window merged from buckets equals the statistics recomputed from the raw records.</summary>
[TestClass]
public sealed class BucketMergePropertyTests
{
    [TestMethod]
    public void Merge_OfBuckets_EqualsRawRecomputation_ForSeededRandomStreams()
    {
        for (var seed = 1; seed <= 12; seed++)
        {
            var random = new Random(seed);
            var count = random.Next(50, 6000);
            var rows = MonitorTestData.Rows(count, seed, mean: random.Next(-5, 5), extraGroup: seed % 2 == 0 ? "z" + seed : null);
            rows = [.. rows.Select((r, i) => i % 17 == 0 ? new Row { Value = null, Group = null, Body = r.Body } : r)];
            var clock = MonitorTestData.Clock();
            clock.Advance(TimeSpan.FromDays(2));
            var options = MonitorTestData.Options();
            options.AllowedLateness = TimeSpan.FromDays(2);
            using var monitor = MonitorTestData.Monitor(clock, options: options);
            foreach (var row in rows)
            {
                var eventTime = clock.GetUtcNow() - TimeSpan.FromMinutes(random.Next(0, 36 * 60));
                Assert.AreNotEqual(RecordStatus.TooLate, monitor.Record(row, 0.5, "v1", Guid.NewGuid().ToString(), eventTime));
            }

            var buckets = monitor.Ring.All().ToList();
            var window = new MonitorBucket(buckets[0].Layout, options.CategoryCap, 0);
            foreach (var bucket in buckets)
            {
                window.Merge(bucket);
            }

            Check(seed, rows, window);
        }
    }

    private static void Check(int seed, List<Row> rows, MonitorBucket window)
    {
        var values = rows.Where(r => r.Value is not null).Select(r => r.Value!.Value).Order().ToArray();
        var numeric = window.Numeric[0]!;
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        Assert.AreEqual(values.Length, numeric.Count, $"seed {seed}: count");
        Assert.AreEqual(rows.Count - values.Length, numeric.Nulls, $"seed {seed}: nulls");
        Assert.AreEqual(values[0], numeric.Min, $"seed {seed}: min");
        Assert.AreEqual(values[^1], numeric.Max, $"seed {seed}: max");
        Assert.AreEqual(mean, numeric.Mean, 1e-9, $"seed {seed}: mean");
        Assert.AreEqual(variance, numeric.Variance, 1e-9 * Math.Max(1, variance), $"seed {seed}: variance");
        foreach (var q in new[] { 0.05, 0.25, 0.5, 0.75, 0.95 })
        {
            var x = values[(int)(q * (values.Length - 1))];
            var exact = (double)values.Count(v => v <= x) / values.Length;
            Assert.IsTrue(Math.Abs(numeric.Quantiles.Rank(x) - exact) <= KllSketch.RankError, $"seed {seed}: rank of q{q}");
        }

        var categorical = window.Categorical[1]!;
        var expected = rows.Where(r => r.Group is not null).GroupBy(r => r.Group!).ToDictionary(g => g.Key, g => (long)g.Count());
        CollectionAssert.AreEquivalent(expected.OrderBy(p => p.Key).ToList(), categorical.Counts.OrderBy(p => p.Key).ToList(), $"seed {seed}: categories");
        Assert.AreEqual(0, categorical.Other);
        Assert.AreEqual(expected.Count, categorical.Distinct.Estimate(), Math.Max(0.5, 3 * HyperLogLog.StandardError * expected.Count), $"seed {seed}: distinct");
        Assert.AreEqual(rows.Count, window.Records);
        Assert.AreEqual(rows.Sum(r => (double)r.Body!.Length) / rows.Count, window.Text[2]!.Length.Mean, 1e-9, $"seed {seed}: text length");
    }
}
