using MlValue.Training;
using Microsoft.Extensions.Time.Testing;
using MlValue.Monitoring;
using MlValue.Tests.Support;

namespace MlValue.Tests.Monitoring;

/// <summary>The snippet of docs/monitoring.md, compiled and run.</summary>
[TestClass]
public sealed class ModelMonitorQuickstartTests
{
    [TestMethod]
    public void Quickstart_ProfileRecordOutcomeReport_FlagsSpamDrift()
    {
        // Declare the features once.
        var schema = new MonitorSchema<SpamMessage>(PredictionTask.BinaryClassification)
            .Numeric("subject_length", m => m.Subject.Length)
            .Categorical("group", m => m.Group)
            .Text("body", m => m.Body);

        // Profile the training data; store profile.ToBytes() with the model version.
        var training = SpamFixture.All.Where(m => !m.IsSpam).ToList();
        var profile = ReferenceProfile.Build(schema, training, m => 0.1);

        // Create the monitor (under DI: builder.AddModelMonitor("spam-filter", schema, sp => profile)).
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero));
        using var monitor = new ModelMonitor<SpamMessage>("spam-filter", schema, ReferenceProfile.FromBytes(profile.ToBytes()), new MonitoringOptions(), clock, stateDirectory: null);

        // On the request path: record each prediction with its correlation id.
        foreach (var message in SpamFixture.All.Where(m => m.IsSpam))
        {
            monitor.Record(message, 0.9, "v3", correlationId: message.Id + "/" + message.Group);
        }

        // Days later, the labels arrive.
        clock.Advance(TimeSpan.FromDays(2));
        foreach (var message in SpamFixture.All.Where(m => m.IsSpam))
        {
            monitor.RecordOutcome(message.Id + "/" + message.Group, 1);
        }

        // Read windows and render the report.
        var windows = monitor.GetWindows(WindowSpec.Tumbling(TimeSpan.FromDays(1)));
        var markdown = MonitorReport.ToMarkdown("spam-filter", windows);
        var html = MonitorReport.ToHtml("spam-filter", windows);

        Assert.IsTrue(windows[0].HasDrift);
        Assert.AreEqual(119, windows[0].Performance.Labeled);
        StringAssert.Contains(markdown, "**drift**");
        StringAssert.Contains(html, "<svg");
    }
}
