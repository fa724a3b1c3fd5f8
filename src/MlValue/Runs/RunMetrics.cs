using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Runs;

/// <summary>The instruments of loop runs, created once per meter (see <see cref="MlValueMeter"/>).</summary>
internal sealed class RunMetrics
{
    public RunMetrics(Meter meter)
    {
        Finished = meter.CreateCounter<long>("mlvalue.runs.finished", "{run}", "Loop runs finished, by loop and status (succeeded, failed).");
        Busy = meter.CreateCounter<long>("mlvalue.runs.skipped_busy", "{run}", "Runs not started because another runner held the loop's lease.");
        TriggerErrors = meter.CreateCounter<long>("mlvalue.runs.trigger_errors", "{error}", "Trigger evaluations that threw.");
        StepDuration = meter.CreateHistogram<double>("mlvalue.runs.step.duration", "s", "Duration of successful loop steps.");
    }

    public Counter<long> Finished { get; }

    public Counter<long> Busy { get; }

    public Counter<long> TriggerErrors { get; }

    public Histogram<double> StepDuration { get; }
}
