using System.Diagnostics;
using System.Diagnostics.Metrics;
using MlValue.Training;

namespace MlValue.Diagnostics;

/// <summary>
/// Records a training the way MlValue's own trainers do, so a trainer written outside MlValue reports
/// the standard telemetry:
/// <list type="bullet">
/// <item>the <c>mlvalue.training</c> activity on the <see cref="MlValueTelemetry.Name"/> activity source, tagged
/// <c>mlvalue.trainer</c>, <c>mlvalue.task</c> and <c>mlvalue.seed</c>: <see cref="StartActivity"/>;</item>
/// <item>the <c>mlvalue.training.duration</c> histogram (<c>s</c>, tag <c>mlvalue.trainer</c>): <see cref="RecordDuration"/>.</item>
/// </list>
/// </summary>
public sealed class TrainingTelemetry
{
    private readonly Histogram<double> _duration;

    /// <summary>
    /// Creates a recorder on the meter of <paramref name="meterFactory"/> (the same instrument for every
    /// recorder of that factory), or on MlValue's shared static meter when it is null.
    /// </summary>
    /// <param name="meterFactory">The container's meter factory, or null for the shared meter.</param>
    public TrainingTelemetry(IMeterFactory? meterFactory = null)
    {
        _duration = MlValueMeter.For(meterFactory).Training._duration;
    }

    private TrainingTelemetry(Meter meter)
    {
        _duration = meter.CreateHistogram<double>(
            "mlvalue.training.duration", unit: "s", description: "How long a training took, from validation to the serialised artifact.");
    }

    /// <summary>Starts the <c>mlvalue.training</c> activity, or returns null when nobody listens.</summary>
    /// <param name="trainerName">The trainer's name, the <c>mlvalue.trainer</c> tag.</param>
    /// <param name="task">The prediction task, the <c>mlvalue.task</c> tag.</param>
    /// <param name="seed">The training's seed, the <c>mlvalue.seed</c> tag.</param>
    /// <returns>The started activity (dispose it when the training ends), or null.</returns>
    public Activity? StartActivity(string trainerName, PredictionTask task, int seed)
    {
        var activity = MlValueTelemetry.ActivitySource.StartActivity("mlvalue.training");
        activity?.SetTag("mlvalue.trainer", trainerName);
        activity?.SetTag("mlvalue.task", task.ToString());
        activity?.SetTag("mlvalue.seed", seed);
        return activity;
    }

    /// <summary>Records how long a successful training took, from validation to the serialised artifact.</summary>
    /// <param name="trainerName">The trainer's name, the <c>mlvalue.trainer</c> tag.</param>
    /// <param name="elapsed">The training's duration, recorded in seconds.</param>
    public void RecordDuration(string trainerName, TimeSpan elapsed)
        => _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("mlvalue.trainer", trainerName));

    /// <summary>Creates the instrument on <paramref name="meter"/>; called once per meter by <see cref="MlValueMeter"/>.</summary>
    internal static TrainingTelemetry Create(Meter meter) => new(meter);
}
