namespace MlValue.Registry;

/// <summary>A search over registered versions; every set criterion must match.</summary>
public sealed class ModelQuery
{
    /// <summary>Only this model name.</summary>
    public string? ModelName { get; init; }

    /// <summary>Only versions carrying this tag key (and value, when <see cref="TagValue"/> is set).</summary>
    public string? TagKey { get; init; }

    /// <summary>With <see cref="TagKey"/>: only this tag value.</summary>
    public string? TagValue { get; init; }

    /// <summary>Only the version this alias points to.</summary>
    public string? Alias { get; init; }

    /// <summary>Only versions having this metric at or above <see cref="MinMetricValue"/>.</summary>
    public string? MetricName { get; init; }

    /// <summary>With <see cref="MetricName"/>: the lowest value to include.</summary>
    public double? MinMetricValue { get; init; }

    /// <summary>Whether archived versions are included. Default: <see langword="false"/>.</summary>
    public bool IncludeArchived { get; init; }
}
