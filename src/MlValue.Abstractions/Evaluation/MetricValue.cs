using System.Text.Json.Serialization;

namespace MlValue.Evaluation;

/// <summary>
/// One metric: a value, or explicitly undefined with the reason (for example AUC on a holdout
/// with a single class). A metric is never silently NaN.
/// </summary>
public sealed class MetricValue
{
    /// <summary>The metric name, one of <see cref="MetricNames"/> or <c>&lt;metric&gt;[&lt;class&gt;]</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The value, or <see langword="null"/> when undefined.</summary>
    public double? Value { get; init; }

    /// <summary>Why the metric is undefined; <see langword="null"/> when it has a value.</summary>
    public string? UndefinedReason { get; init; }

    /// <summary>True when the metric has a value.</summary>
    [JsonIgnore]
    public bool IsDefined => Value.HasValue;

    /// <summary>A defined metric value.</summary>
    /// <param name="name">The metric's name (see <see cref="MetricNames"/>).</param>
    /// <param name="value">The value.</param>
    /// <returns>The metric value.</returns>
    public static MetricValue Of(string name, double value) => new() { Name = name, Value = value };

    /// <summary>A metric that is undefined on this data (for example AUC with one class), with why.</summary>
    /// <param name="name">The metric's name.</param>
    /// <param name="reason">Why it is undefined.</param>
    /// <returns>The metric value.</returns>
    public static MetricValue Undefined(string name, string reason) => new() { Name = name, UndefinedReason = reason };
}
