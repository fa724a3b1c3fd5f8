using System.Diagnostics;
using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Annotation;

/// <summary>The instruments of the annotate stage, created once per meter (see <see cref="MlValueMeter"/>).</summary>
internal sealed class AnnotationTelemetry
{
    public AnnotationTelemetry(Meter meter)
    {
        Labels = meter.CreateCounter<long>(
            "mlvalue.annotation.labels", "{label}", "Labels given, by annotator.");
        Abstains = meter.CreateCounter<long>(
            "mlvalue.annotation.abstains", "{abstain}", "Explicit abstains, by annotator.");
        ImportErrors = meter.CreateCounter<long>(
            "mlvalue.annotation.import_errors", "{line}", "Answer lines that could not be imported (malformed or for an unknown task).");
        TasksExported = meter.CreateCounter<long>(
            "mlvalue.annotation.tasks_exported", "{task}", "New human annotation tasks written to an export file.");
    }

    public Counter<long> Labels { get; }

    public Counter<long> Abstains { get; }

    public Counter<long> ImportErrors { get; }

    public Counter<long> TasksExported { get; }

    public static Activity? Start(string name, string annotatorId)
        => MlValueTelemetry.ActivitySource.StartActivity(name)?.SetTag("mlvalue.annotator", annotatorId);

    public void Record<TLabel>(string annotatorId, IReadOnlyList<Annotation<TLabel>> annotations)
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
}
