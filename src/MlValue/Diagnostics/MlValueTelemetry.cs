using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MlValue.Diagnostics;

/// <summary>
/// The names under which MlValue publishes telemetry. Subscribe with
/// <c>.AddMeter(MlValueTelemetry.Name)</c> and <c>.AddSource(MlValueTelemetry.Name)</c>.
/// </summary>
public static class MlValueTelemetry
{
    /// <summary>The name of the one <see cref="System.Diagnostics.Metrics.Meter"/> and the one
    /// <see cref="System.Diagnostics.ActivitySource"/> of MlValue: <c>MlValue</c>.</summary>
    public const string Name = "MlValue";

    internal static readonly ActivitySource ActivitySource = new(Name, typeof(MlValueTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(MlValueTelemetry).Assembly.GetName().Version?.ToString());
}
