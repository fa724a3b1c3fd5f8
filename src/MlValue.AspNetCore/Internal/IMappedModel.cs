using MlValue.AspNetCore.OpenInference;
using MlValue.Monitoring;
using MlValue.Serving;

namespace MlValue.AspNetCore.Internal;

/// <summary>What the shared routes and the health check need of one mapped model, whatever its types.</summary>
internal interface IMappedModel : IDisposable
{
    string Name { get; }

    TensorSchema Schema { get; }

    ServingStatus GetStatus();

    bool IsVersionLoaded(int version);

    /// <summary>The latest complete tumbling window of the model's monitor, or null without a monitor or a complete window.</summary>
    MonitorWindow? LatestCompleteWindow(TimeSpan size, DateTimeOffset now);

    /// <summary>True when the model has a monitor (found as <c>MapPredictor</c> finds it).</summary>
    bool HasMonitor { get; }

    /// <summary>The windows of the model's monitor, oldest first, or none without a monitor.</summary>
    IReadOnlyList<MonitorWindow> MonitorWindows(WindowSpec spec);
}
