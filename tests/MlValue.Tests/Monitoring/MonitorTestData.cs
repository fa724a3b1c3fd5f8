using MlValue.Training;
using Microsoft.Extensions.Time.Testing;
using MlValue.Monitoring;

namespace MlValue.Tests.Monitoring;

/// <summary>One monitored input of the tests.</summary>
public sealed class Row
{
    public double? Value { get; init; }

    public string? Group { get; init; }

    public string? Body { get; init; }
}

/// <summary>Shared schema, clock and seeded data for the monitoring tests.</summary>
internal static class MonitorTestData
{
    /// <summary>A Monday, midnight UTC: a boundary of every bucket width the tests use.</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] Words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"];

    public static MonitorSchema<Row> Schema() => new MonitorSchema<Row>(PredictionTask.BinaryClassification)
        .Numeric("value", r => r.Value)
        .Categorical("group", r => r.Group)
        .Text("body", r => r.Body);

    public static FakeTimeProvider Clock() => new(Start);

    public static MonitoringOptions Options() => new() { SaveInterval = TimeSpan.Zero };

    /// <summary>Rows with value ~ N(mean, 1), group from a/b/c (or with <paramref name="extraGroup"/> in 30 %), bodies of <paramref name="words"/> words.</summary>
    public static List<Row> Rows(int count, int seed, double mean = 0, string? extraGroup = null, int words = 8, string[]? vocabulary = null)
    {
        var random = new Random(seed);
        var rows = new List<Row>(count);
        var pool = vocabulary ?? Words;
        for (var i = 0; i < count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            var group = extraGroup is not null && random.NextDouble() < 0.3 ? extraGroup : ((char)('a' + random.Next(3))).ToString();
            var length = Math.Max(1, words + random.Next(-2, 3));
            var body = string.Join(' ', Enumerable.Range(0, length).Select(_ => pool[random.Next(pool.Length)]));
            rows.Add(new Row { Value = mean + normal, Group = group, Body = body });
        }

        return rows;
    }

    public static double Score(Row row) => 1 / (1 + Math.Exp(-(row.Value ?? 0)));

    public static ReferenceProfile Reference(int count = 2000, int seed = 1)
        => ReferenceProfile.Build(Schema(), Rows(count, seed), Score);

    public static ModelMonitor<Row> Monitor(FakeTimeProvider clock, ReferenceProfile? reference = null, MonitoringOptions? options = null, string? directory = null, string name = "test", System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
        => new(name, Schema(), reference, options ?? Options(), clock, directory, meterFactory);

    /// <summary>Records the rows spread evenly over <paramref name="span"/> from the clock's now (the clock ends at the last event).</summary>
    public static void RecordSpread(ModelMonitor<Row> monitor, FakeTimeProvider clock, IReadOnlyList<Row> rows, TimeSpan span, string prefix = "r")
    {
        var step = span / rows.Count;
        var origin = clock.GetUtcNow();
        for (var i = 0; i < rows.Count; i++)
        {
            clock.SetUtcNow(origin + (step * i));
            monitor.Record(rows[i], Score(rows[i]), "v1", prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
