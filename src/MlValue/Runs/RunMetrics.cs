using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Runs;

internal static class RunMetrics
{
    public static readonly Counter<long> Finished = MlValueTelemetry.Meter.CreateCounter<long>("mlvalue.runs.finished", "{run}", "Loop runs finished, by loop and status (succeeded, failed).");

    public static readonly Counter<long> Busy = MlValueTelemetry.Meter.CreateCounter<long>("mlvalue.runs.skipped_busy", "{run}", "Runs not started because another runner held the loop's lease.");

    public static readonly Counter<long> TriggerErrors = MlValueTelemetry.Meter.CreateCounter<long>("mlvalue.runs.trigger_errors", "{error}", "Trigger evaluations that threw.");

    public static readonly Histogram<double> StepDuration = MlValueTelemetry.Meter.CreateHistogram<double>("mlvalue.runs.step.duration", "s", "Duration of successful loop steps.");
}
