using System.Diagnostics;
using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Training;

/// <summary>The training stage's instruments, created once.</summary>
internal static class TrainingTelemetry
{
    public static readonly Histogram<double> Duration = MlValueTelemetry.Meter.CreateHistogram<double>(
        "mlvalue.training.duration", unit: "s", description: "How long a training took, from validation to the serialised artifact.");

    public static Activity? StartActivity(string trainerName, PredictionTask task, int seed)
    {
        var activity = MlValueTelemetry.ActivitySource.StartActivity("mlvalue.training");
        activity?.SetTag("mlvalue.trainer", trainerName);
        activity?.SetTag("mlvalue.task", task.ToString());
        activity?.SetTag("mlvalue.seed", seed);
        return activity;
    }
}
