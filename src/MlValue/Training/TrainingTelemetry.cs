using System.Diagnostics;
using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Training;

/// <summary>The training stage's instruments, for trainer authors: report under the same names as MlValue's trainers.</summary>
public static class TrainingTelemetry
{
    /// <summary><c>mlvalue.training.duration</c> (s, tag <c>mlvalue.trainer</c>).</summary>
    public static readonly Histogram<double> Duration = MlValueTelemetry.Meter.CreateHistogram<double>(
        "mlvalue.training.duration", unit: "s", description: "How long a training took, from validation to the serialised artifact.");

    /// <summary>Starts the <c>mlvalue.training</c> activity with the trainer, task and seed as tags.</summary>
    /// <param name="trainerName">The trainer's name.</param>
    /// <param name="task">The task.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The activity, or <see langword="null"/> when nobody listens.</returns>
    public static Activity? StartActivity(string trainerName, PredictionTask task, int seed)
    {
        var activity = MlValueTelemetry.ActivitySource.StartActivity("mlvalue.training");
        activity?.SetTag("mlvalue.trainer", trainerName);
        activity?.SetTag("mlvalue.task", task.ToString());
        activity?.SetTag("mlvalue.seed", seed);
        return activity;
    }
}
