using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlValue.Monitoring;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Health;

[TestClass]
public sealed class HealthCheckTests
{
    [TestMethod]
    public async Task Check_EveryMappedPredictorLoaded_HealthyWithServedVersions()
    {
        await using var app = await ServingApp.StartAsync();

        var entry = await CheckAsync(app);

        Assert.AreEqual(HealthStatus.Healthy, entry.Status, entry.Description);
        Assert.AreEqual("Serving 'spam' version 1.", entry.Description);
        Assert.AreEqual("1", entry.Data["spam"]);
        CollectionAssert.Contains(entry.Tags.ToList(), "ready");
    }

    [TestMethod]
    public async Task Check_NoVersionLoaded_UnhealthyNamingTheModelAndAlias()
    {
        await using var app = await ServingApp.StartAsync(champion: null);

        var entry = await CheckAsync(app);

        Assert.AreEqual(HealthStatus.Unhealthy, entry.Status);
        Assert.AreEqual("Not ready: model 'spam' has no loaded version of alias 'champion' yet (the alias is not set, or the first load has not finished).", entry.Description);
    }

    [TestMethod]
    public async Task Check_LatestCompleteWindowDrifted_DegradedSayingWhichFeature()
    {
        var monitor = new DriftedMonitor();
        await using var app = await ServingApp.StartAsync(configure: builder => builder.Services.AddKeyedSingleton<IModelMonitor<SpamInput>>("spam", monitor));
        monitor.Now = app.Time.GetUtcNow();

        var entry = await CheckAsync(app);

        Assert.AreEqual(HealthStatus.Degraded, entry.Status, entry.Description);
        Assert.AreEqual("Serving, with drift: model 'spam' version 1: drift in the window 2025-01-05 00:00Z to 2025-01-06 00:00Z: score (PSI 0.31 above 0.1).", entry.Description);
    }

    private static async Task<HealthReportEntry> CheckAsync(ServingApp app)
    {
        var report = await app.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["mlvalue"];
    }

    /// <summary>A monitor whose windows are given: yesterday's (complete) drifted on <c>score</c>; today's (not complete) is stable.</summary>
    private sealed class DriftedMonitor : IModelMonitor<SpamInput>
    {
        public DateTimeOffset Now { get; set; }

        public IReadOnlyList<MonitorWindow> GetWindows(WindowSpec spec)
        {
            var today = new DateTimeOffset(Now.Date, TimeSpan.Zero);
            return [Window(today - spec.Size, today, DriftVerdict.Drift), Window(today, today + spec.Size, DriftVerdict.Stable)];
        }

        public MonitorWindow GetWindow(DateTimeOffset start, DateTimeOffset end) => Window(start, end, DriftVerdict.Stable);

        public RecordStatus Record(SpamInput input, double prediction, string modelVersion, string correlationId) => RecordStatus.Accepted;

        public RecordStatus Record(SpamInput input, double prediction, string modelVersion, string correlationId, DateTimeOffset eventTime) => RecordStatus.Accepted;

        public RecordStatus Record(SpamInput input, string predictedClass, string modelVersion, string correlationId) => RecordStatus.Accepted;

        public RecordStatus Record(SpamInput input, string predictedClass, string modelVersion, string correlationId, DateTimeOffset eventTime) => RecordStatus.Accepted;

        public OutcomeStatus RecordOutcome(string correlationId, string actualClass) => OutcomeStatus.Unknown;

        public OutcomeStatus RecordOutcome(string correlationId, double outcome) => OutcomeStatus.Unknown;

        public Task SaveAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        private static MonitorWindow Window(DateTimeOffset start, DateTimeOffset end, DriftVerdict verdict) => new()
        {
            Start = start,
            End = end,
            Records = 500,
            Versions = new Dictionary<string, long> { ["1"] = 500 },
            Features = [new FeatureDrift { Feature = "score", Kind = FeatureKind.Numeric, Verdict = verdict, Reason = verdict == DriftVerdict.Drift ? "PSI 0.31 above 0.1" : "PSI 0.02" }],
            Prediction = new FeatureDrift { Feature = "prediction", Kind = FeatureKind.Numeric, Verdict = DriftVerdict.Stable, Reason = "PSI 0.01" },
            Performance = new WindowPerformance { Task = PredictionTask.BinaryClassification },
        };
    }
}
