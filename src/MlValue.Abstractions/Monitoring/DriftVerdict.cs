namespace MlValue.Monitoring;

/// <summary>The verdict for one feature (or the prediction) in one window.</summary>
public enum DriftVerdict
{
    /// <summary>Enough data on both sides and no drift by the configured rule.</summary>
    Stable = 0,

    /// <summary>Enough data on both sides and the distribution moved by the configured rule.</summary>
    Drift = 1,

    /// <summary>Fewer non-null values than <c>MonitoringOptions.MinSampleSize</c> in the window or the reference: no verdict.</summary>
    InsufficientData = 2,

    /// <summary>The monitor has no reference profile: no verdict.</summary>
    NoReference = 3,
}
