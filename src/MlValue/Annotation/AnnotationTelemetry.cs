using System.Diagnostics;
using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Annotation;

/// <summary>The instruments of the annotate stage, created once.</summary>
internal static class AnnotationTelemetry
{
    public static readonly Counter<long> Labels = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.annotation.labels", "{label}", "Labels given, by annotator.");

    public static readonly Counter<long> Abstains = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.annotation.abstains", "{abstain}", "Explicit abstains, by annotator.");

    public static readonly Counter<long> ImportErrors = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.annotation.import_errors", "{line}", "Answer lines that could not be imported (malformed or for an unknown task).");

    public static readonly Counter<long> TasksExported = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.annotation.tasks_exported", "{task}", "New human annotation tasks written to an export file.");

    public static void Record<TLabel>(string annotatorId, IReadOnlyList<Annotation<TLabel>> annotations)
    {
        if (!Labels.Enabled && !Abstains.Enabled)
        {
            return;
        }

        var abstains = annotations.Count(a => a.IsAbstain);
        var tag = new KeyValuePair<string, object?>("mlvalue.annotator", annotatorId);
        Labels.Add(annotations.Count - abstains, tag);
        Abstains.Add(abstains, tag);
    }

    public static Activity? Start(string name, string annotatorId)
        => MlValueTelemetry.ActivitySource.StartActivity(name)?.SetTag("mlvalue.annotator", annotatorId);
}
