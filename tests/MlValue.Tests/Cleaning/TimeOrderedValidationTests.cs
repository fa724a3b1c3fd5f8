using MlValue.Cleaning;

namespace MlValue.Tests.Cleaning;

/// <summary>Validating a time-ordered stream: the event time moves on by design, ids are left out, and a change in the mix of categories is flagged only when it is material and beyond noise.</summary>
[TestClass]
public sealed class TimeOrderedValidationTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Validate_LaterBatchWithEventTimeColumn_NoRangeAnomalyForTheEventTime()
    {
        var options = new CleaningOptions();
        options.EventTimeColumns.Add("observed_at");
        var validator = new DataValidator(options);
        var schema = validator.InferSchema(Rows(Start, 400, "sun", "rain"));
        var plain = new DataValidator(new CleaningOptions()).InferSchema(Rows(Start, 400, "sun", "rain"));

        var report = validator.Validate(schema, Rows(Start.AddMonths(1), 400, "sun", "rain"));
        var without = new DataValidator(new CleaningOptions()).Validate(plain, Rows(Start.AddMonths(1), 400, "sun", "rain"));

        Assert.IsTrue(schema.Find("ObservedAt")!.IsEventTime);
        Assert.IsEmpty(report.Anomalies, string.Join("; ", report.Anomalies.Select(a => a.Message)));
        CollectionAssert.Contains(without.Anomalies.Select(a => (a.Column, a.Kind)).ToList(), ("ObservedAt", AnomalyKind.OutOfRange));
    }

    [TestMethod]
    public void InferSchema_ExcludedColumn_NotProfiledAndNotReportedLater()
    {
        var options = new CleaningOptions();
        options.ExcludedColumns.Add("Id");
        var validator = new DataValidator(options);

        var schema = validator.InferSchema(Rows(Start, 100, "sun", "rain"));
        var report = new DataValidator(new CleaningOptions()).Validate(DataSchema.FromJson(schema.ToJson()), Rows(Start, 100, "sun", "rain"));

        Assert.IsNull(schema.Find("Id"));
        CollectionAssert.AreEqual(new[] { "Id" }, schema.ExcludedColumns!.ToArray());
        Assert.IsFalse(report.Anomalies.Any(a => a.Column == "Id"), string.Join("; ", report.Anomalies.Select(a => a.Message)));
    }

    [TestMethod]
    public void Validate_CategoryMixShifts_FlaggedWithBothShares()
    {
        var validator = new DataValidator(new CleaningOptions());
        var schema = validator.InferSchema(Rows(Start, 1000, "sun", "rain"));

        var shifted = validator.Validate(schema, Rows(Start, 1000, "rain", "rain", "rain", "sun"));
        var same = validator.Validate(schema, Rows(Start, 1000, "sun", "rain"));

        var anomaly = shifted.Anomalies.Single(a => a.Kind == AnomalyKind.CategoryShareShift);
        Assert.AreEqual("Weather", anomaly.Column);
        Assert.AreEqual(0.25, anomaly.Share, 1e-9);
        StringAssert.Contains(string.Join(" ", anomaly.Examples), "\"rain\" 50");
        Assert.IsFalse(same.Anomalies.Any(a => a.Kind == AnomalyKind.CategoryShareShift));
    }

    [TestMethod]
    public void Validate_SmallBatchWithAShiftWithinNoise_NotFlagged()
    {
        var validator = new DataValidator(new CleaningOptions());
        var schema = validator.InferSchema(Rows(Start, 1000, "sun", "rain"));

        var report = validator.Validate(schema, Rows(Start, 12, "rain", "rain", "sun"));

        Assert.IsFalse(report.Anomalies.Any(a => a.Kind == AnomalyKind.CategoryShareShift), string.Join("; ", report.Anomalies.Select(a => a.Message)));
    }

    private static List<Observation> Rows(DateTimeOffset from, int count, params string[] cycle)
        => [.. Enumerable.Range(0, count).Select(i => new Observation { Id = $"o{from.Ticks}-{i}", ObservedAt = from.AddHours(i % 500), Weather = cycle[i % cycle.Length], Temperature = 10 + (i % 7) })];

    public sealed class Observation
    {
        public string Id { get; set; } = "";

        public DateTimeOffset ObservedAt { get; set; }

        public string Weather { get; set; } = "";

        public double Temperature { get; set; }
    }
}
