using MlValue.Monitoring;
using MlValue.Tests.Support;

namespace MlValue.Tests.Monitoring;

[TestClass]
public sealed class MonitorReportTests
{
    private static IReadOnlyList<MonitorWindow> SixHours(int rowsPerHour)
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference(), name: "report");
        for (var hour = 0; hour < 6; hour++)
        {
            var rows = MonitorTestData.Rows(rowsPerHour, 10 + hour, mean: hour >= 4 ? 1.5 : 0, extraGroup: hour == 5 ? "new" : null);
            MonitorTestData.RecordSpread(monitor, clock, rows, TimeSpan.FromHours(1), "h" + hour + "-");
            clock.SetUtcNow(MonitorTestData.Start + TimeSpan.FromHours(hour + 1));
            for (var i = 0; i < rowsPerHour / 2; i++)
            {
                monitor.RecordOutcome("h" + hour + "-" + i, (rows[i].Value > 0) ^ (i % 6 == 0) ? 1 : 0);
            }
        }

        monitor.RecordOutcome("nobody", 1);
        return monitor.GetWindows(WindowSpec.Tumbling(TimeSpan.FromHours(2)));
    }

    [TestMethod]
    public void Snapshot_MarkdownReport_ShowsDriftPerformanceAndDataQuality()
    {
        var windows = SixHours(300);

        Assert.AreEqual(4, windows.Count);
        Snapshot.Verify(MonitorReport.ToMarkdown("demo model", windows));
    }

    [TestMethod]
    public void ToHtml_ManyRecords_SelfContainedWithSparklinesAndBoundedSize()
    {
        var small = MonitorReport.ToHtml("demo", SixHours(150));
        var large = MonitorReport.ToHtml("demo", SixHours(3000));

        StringAssert.Contains(large, "<svg");
        StringAssert.Contains(large, "<polyline");
        Assert.IsFalse(large.Contains("<script", StringComparison.Ordinal));
        Assert.IsFalse(large.Contains("http://", StringComparison.Ordinal) && !large.Contains("http://www.w3.org/2000/svg", StringComparison.Ordinal));
        Assert.IsTrue(Math.Abs(large.Length - small.Length) < small.Length / 4, $"{small.Length} vs {large.Length}");
    }

    [TestMethod]
    public void ToHtml_LatestWindow_RenderedAsHtmlTablesNotMarkdown()
    {
        var windows = SixHours(300).Take(3).ToList();

        var html = MonitorReport.ToHtml("demo", windows);

        Assert.DoesNotContain("<pre>", html);
        Assert.DoesNotContain("|---|", html);
        StringAssert.Contains(html, "<h2>Latest window: 2025-01-06T04:00:00Z – 2025-01-06T06:00:00Z</h2><div class=\"scroll\"><table><tr><th>feature</th><th>kind</th><th>verdict</th>");
        StringAssert.Contains(html, "<td class=\"drift\">drift</td>");
        StringAssert.Contains(html, "<p>Data quality: ");
    }

    [TestMethod]
    public void ToHtml_NoWindows_SaysSo()
    {
        StringAssert.Contains(MonitorReport.ToHtml("empty", []), "No windows with data.");
    }
}
