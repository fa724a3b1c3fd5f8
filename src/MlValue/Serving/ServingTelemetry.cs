using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Serving;

/// <summary>The instruments of the serving stage, created once.</summary>
internal static class ServingTelemetry
{
    public static readonly Counter<long> Predictions = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.serving.predictions", "{prediction}", "Predictions answered, by model, version and arm (shadow included).");

    public static readonly Histogram<double> Duration = MlValueTelemetry.Meter.CreateHistogram<double>(
        "mlvalue.serving.prediction.duration", "s", "Time spent in the model per prediction, measured only while someone listens.");

    public static readonly Counter<long> Swaps = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.serving.swaps", "{swap}", "Versions swapped in after an alias moved.");

    public static readonly Counter<long> SwapFailures = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.serving.swap_failures", "{failure}", "Refreshes that failed; the previous version kept serving.");

    public static readonly Counter<long> ShadowDisagreements = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.serving.shadow_disagreements", "{disagreement}", "Shadow answers that disagreed with the primary.");

    public static readonly Counter<long> ShadowFailures = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.serving.shadow_failures", "{failure}", "Shadow predictions that threw; the request still succeeded.");

    public static readonly Counter<long> ObserverFailures = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.serving.observer_failures", "{failure}", "Prediction observers that threw; the request still succeeded.");

    public static string ArmName(ServingArm arm) => arm switch
    {
        ServingArm.Canary => "canary",
        ServingArm.Shadow => "shadow",
        _ => "primary",
    };
}
