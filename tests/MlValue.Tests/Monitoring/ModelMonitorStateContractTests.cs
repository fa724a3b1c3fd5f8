using MlValue.Training;
using Microsoft.Extensions.Time.Testing;
using MlValue.Monitoring;
using MlValue.Testing;

namespace MlValue.Tests.Monitoring;

/// <summary>The monitor's state file passes the durable-state contract: a step is one recorded prediction, then a save.</summary>
[TestClass]
public sealed class ModelMonitorStateContractTests : DurableStateContractTests<ModelMonitor<ModelMonitorStateContractTests.Reading>>
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    protected override Task<ModelMonitor<Reading>> OpenAsync(string folder)
    {
        var schema = new MonitorSchema<Reading>(PredictionTask.BinaryClassification).Numeric("x", r => r.X);
        return Task.FromResult(new ModelMonitor<Reading>("contract", schema, null, new MonitoringOptions { SaveInterval = TimeSpan.Zero }, new FakeTimeProvider(Start), folder));
    }

    protected override async Task SaveStepAsync(ModelMonitor<Reading> state, int step)
    {
        state.Record(new Reading { X = step }, 0.5, "1", "p-" + step, Start);
        await state.SaveAsync();
    }

    protected override Task<int> CountStepsAsync(ModelMonitor<Reading> state)
        => Task.FromResult((int)state.GetWindow(Start.AddDays(-1), Start.AddDays(1)).Records);

    public sealed class Reading
    {
        public double X { get; set; }
    }
}
