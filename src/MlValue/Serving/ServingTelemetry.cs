using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Serving;

/// <summary>The instruments of the serving stage, created once per meter (see <see cref="MlValueMeter"/>).</summary>
internal sealed class ServingTelemetry
{
    public ServingTelemetry(Meter meter)
    {
        Predictions = meter.CreateCounter<long>(
            "mlvalue.serving.predictions", "{prediction}", "Predictions answered, by model, version and arm (shadow included).");
        Duration = meter.CreateHistogram<double>(
            "mlvalue.serving.prediction.duration", "s", "Time spent in the model per prediction, measured only while someone listens.");
        Swaps = meter.CreateCounter<long>(
            "mlvalue.serving.swaps", "{swap}", "Versions swapped in after an alias moved.");
        SwapFailures = meter.CreateCounter<long>(
            "mlvalue.serving.swap_failures", "{failure}", "Refreshes that failed; the previous version kept serving.");
        ShadowDisagreements = meter.CreateCounter<long>(
            "mlvalue.serving.shadow_disagreements", "{disagreement}", "Shadow answers that disagreed with the primary.");
        ShadowFailures = meter.CreateCounter<long>(
            "mlvalue.serving.shadow_failures", "{failure}", "Shadow predictions that threw; the request still succeeded.");
        ObserverFailures = meter.CreateCounter<long>(
            "mlvalue.serving.observer_failures", "{failure}", "Prediction observers that threw; the request still succeeded.");
    }

    public Counter<long> Predictions { get; }

    public Histogram<double> Duration { get; }

    public Counter<long> Swaps { get; }

    public Counter<long> SwapFailures { get; }

    public Counter<long> ShadowDisagreements { get; }

    public Counter<long> ShadowFailures { get; }

    public Counter<long> ObserverFailures { get; }

    public static string ArmName(ServingArm arm) => arm switch
    {
        ServingArm.Canary => "canary",
        ServingArm.Shadow => "shadow",
        _ => "primary",
    };
}
