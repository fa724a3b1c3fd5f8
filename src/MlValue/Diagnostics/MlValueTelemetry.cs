using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MlValue.Diagnostics;

/// <summary>
/// The names under which MlValue publishes telemetry. Subscribe with
/// <c>.AddMeter(MlValueTelemetry.Name)</c> and <c>.AddSource(MlValueTelemetry.Name)</c>.
/// Components built by dependency injection create the meter through the container's
/// <see cref="IMeterFactory"/> (one meter per factory); objects built without one share a static
/// meter of the same name. The activity source is static.
/// </summary>
public static class MlValueTelemetry
{
    /// <summary>The name of the one <see cref="System.Diagnostics.Metrics.Meter"/> and the one
    /// <see cref="System.Diagnostics.ActivitySource"/> of MlValue: <c>MlValue</c>.</summary>
    public const string Name = "MlValue";

    internal static readonly ActivitySource ActivitySource = new(Name, typeof(MlValueTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The shared fallback meter, for objects built without an <see cref="IMeterFactory"/>.</summary>
    internal static Meter Meter => MlValueMeter.Shared.Meter;
}
