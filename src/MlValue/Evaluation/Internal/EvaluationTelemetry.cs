using System.Diagnostics;
using System.Diagnostics.Metrics;
using MlValue.Diagnostics;
using MlValue.Training;

namespace MlValue.Evaluation.Internal;

/// <summary>
/// Instruments of the evaluation stage, created once per meter (see <see cref="MlValueMeter"/>).
/// Tags carry names, counts and verdicts, never feature values or labels.
/// </summary>
internal sealed class EvaluationTelemetry
{
    public const string EvaluateActivity = "mlvalue.evaluation.evaluate";
    public const string DecideActivity = "mlvalue.evaluation.decide";

    public EvaluationTelemetry(Meter meter)
    {
        Rows = meter.CreateCounter<long>(
            "mlvalue.evaluation.rows", "{row}", "Holdout rows predicted and scored by the evaluator.");
        Decisions = meter.CreateCounter<long>(
            "mlvalue.evaluation.decisions", "{decision}", "Promotion decisions made, tagged by verdict.");
    }

    public Counter<long> Rows { get; }

    public Counter<long> Decisions { get; }

    public static Activity? StartEvaluate(string modelName, PredictionTask task, string? datasetId)
    {
        var activity = MlValueTelemetry.ActivitySource.StartActivity(EvaluateActivity);
        activity?.SetTag("mlvalue.model.name", modelName);
        activity?.SetTag("mlvalue.evaluation.task", TaskTag(task));
        activity?.SetTag("mlvalue.dataset.id", datasetId);
        return activity;
    }

    public static string TaskTag(PredictionTask task) => task switch
    {
        PredictionTask.BinaryClassification => "binary",
        PredictionTask.MulticlassClassification => "multiclass",
        _ => "regression",
    };
}
