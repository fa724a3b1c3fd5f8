using MlValue.Training;
using MlValue.Monitoring;
using MlValue.Tests.Support;

namespace MlValue.Tests.Monitoring;

[TestClass]
public sealed class DriftTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static MonitorWindow OneHour(List<Row> rows, ReferenceProfile? reference = null)
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock, reference ?? MonitorTestData.Reference());
        MonitorTestData.RecordSpread(monitor, clock, rows, Hour);
        return monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start + Hour);
    }

    private static FeatureDrift Feature(MonitorWindow window, string name) => window.Features.Single(f => f.Feature == name);

    [TestMethod]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(4)]
    public void GetWindow_SameDistributionAsReference_NoFalseAlarm(int seed)
    {
        var window = OneHour(MonitorTestData.Rows(1000, seed));

        Assert.IsFalse(window.HasDrift, MonitorReport.DriftMarkdown(window.Features.Append(window.Prediction)));
        Assert.IsTrue(window.Features.All(f => f.Verdict == DriftVerdict.Stable));
    }

    [TestMethod]
    public void GetWindow_MeanShift_FlagsValueAndPrediction()
    {
        var window = OneHour(MonitorTestData.Rows(1000, 3, mean: 1));

        Assert.AreEqual(DriftVerdict.Drift, Feature(window, "value").Verdict);
        Assert.AreEqual(DriftVerdict.Drift, window.Prediction.Verdict);
        Assert.AreEqual(DriftVerdict.Stable, Feature(window, "group").Verdict);
    }

    [TestMethod]
    public void GetWindow_NewCategory_FlagsCategoricalWithItsCount()
    {
        var window = OneHour(MonitorTestData.Rows(1000, 3, extraGroup: "new"));

        var group = Feature(window, "group");
        Assert.AreEqual(DriftVerdict.Drift, group.Verdict);
        Assert.IsTrue(group.NewCategoryCount > 250, $"new {group.NewCategoryCount}");
        Assert.IsTrue(group.ChiSquarePValue < 0.05);
    }

    [TestMethod]
    public void GetWindow_LongerTexts_FlagsText()
    {
        var window = OneHour(MonitorTestData.Rows(1000, 3, words: 16));

        var body = Feature(window, "body");
        Assert.AreEqual(DriftVerdict.Drift, body.Verdict);
        Assert.IsTrue(body.Mean > body.ReferenceMean);
    }

    [TestMethod]
    public void GetWindow_UnseenVocabulary_FlagsTextByUnseenShare()
    {
        string[] words = ["alpha", "bravo", "zulu", "yankee", "xray", "whiskey"];
        var window = OneHour(MonitorTestData.Rows(1000, 3, vocabulary: words));

        var body = Feature(window, "body");
        Assert.AreEqual(DriftVerdict.Drift, body.Verdict);
        Assert.AreEqual(4.0 / 6, body.UnseenTokenShare!.Value, 0.05);
        StringAssert.Contains(body.Reason, "unseen-token share");
    }

    [TestMethod]
    public void GetWindow_FewerValuesThanMinSampleSize_InsufficientData()
    {
        var window = OneHour(MonitorTestData.Rows(60, 3, mean: 5));

        Assert.IsTrue(window.Features.All(f => f.Verdict == DriftVerdict.InsufficientData));
        StringAssert.Contains(Feature(window, "value").Reason, "needs 100 (MinSampleSize)");
        Assert.IsFalse(window.HasDrift);
    }

    [TestMethod]
    public void GetWindow_WithoutReference_NoReferenceVerdict()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock);
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(500, 3), Hour);

        var window = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start + Hour);

        Assert.IsTrue(window.Features.All(f => f.Verdict == DriftVerdict.NoReference));
        Assert.AreEqual(500, window.Records);
    }

    [TestMethod]
    public void Snapshot_SpamAgainstHamReference_DriftVerdict()
    {
        var schema = new MonitorSchema<SpamMessage>(PredictionTask.BinaryClassification)
            .Numeric("subject_length", m => m.Subject.Length)
            .Categorical("group", m => m.Group)
            .Text("body", m => m.Body);
        static double Score(SpamMessage m) => m.Body.Contains('$', StringComparison.Ordinal) ? 0.8 : 0.2;
        var ham = SpamFixture.All.Where(m => !m.IsSpam).ToList();
        var reference = ReferenceProfile.Build(schema, ham, Score);
        var clock = MonitorTestData.Clock();
        using var monitor = new ModelMonitor<SpamMessage>("spam", schema, reference, MonitorTestData.Options(), clock, null);
        var i = 0;
        foreach (var message in SpamFixture.All.Where(m => m.IsSpam))
        {
            monitor.Record(message, Score(message), "v1", message.Id + "#" + i++);
        }

        var window = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start + Hour);

        Assert.AreEqual(DriftVerdict.Drift, window.Features.Single(f => f.Feature == "group").Verdict);
        Snapshot.Verify("# Spam messages against a ham reference\n\n" + MonitorReport.DriftMarkdown(window.Features.Append(window.Prediction)));
    }

    [TestMethod]
    public void GetWindow_HamAgainstHamReference_Stable()
    {
        var schema = new MonitorSchema<SpamMessage>().Numeric("subject_length", m => m.Subject.Length).Categorical("group", m => m.Group).Text("body", m => m.Body);
        var ham = SpamFixture.All.Where(m => !m.IsSpam).ToList();
        var clock = MonitorTestData.Clock();
        using var monitor = new ModelMonitor<SpamMessage>("ham", schema, ReferenceProfile.Build(schema, ham), MonitorTestData.Options(), clock, null);
        foreach (var message in ham)
        {
            monitor.Record(message, 0.1, "v1", message.Id);
        }

        var window = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start + Hour);

        Assert.IsTrue(window.Features.All(f => f.Verdict == DriftVerdict.Stable), MonitorReport.DriftMarkdown(window.Features));
    }
}
