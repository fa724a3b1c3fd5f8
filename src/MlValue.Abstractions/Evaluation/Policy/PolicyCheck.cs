namespace MlValue.Evaluation;

/// <summary>One check of a promotion decision, with every value it looked at.</summary>
public sealed class PolicyCheck
{
    /// <summary>What the check tests.</summary>
    public required CheckKind Kind { get; init; }

    /// <summary>The metric checked, if any.</summary>
    public string? Metric { get; init; }

    /// <summary>The segment of the slice checked, for slice checks.</summary>
    public string? Segment { get; init; }

    /// <summary>The key of the slice checked, for slice checks.</summary>
    public string? Slice { get; init; }

    /// <summary>The challenger's value.</summary>
    public double? Challenger { get; init; }

    /// <summary>The champion's value.</summary>
    public double? Champion { get; init; }

    /// <summary>The baseline's value.</summary>
    public double? Baseline { get; init; }

    /// <summary>The absolute threshold.</summary>
    public double? Threshold { get; init; }

    /// <summary>The required improvement (champion checks) or the allowed regression (slice checks), in metric units.</summary>
    public double? Margin { get; init; }

    /// <summary>Passed, failed or skipped.</summary>
    public required CheckOutcome Outcome { get; init; }

    /// <summary>For a skipped check: why, in words shared by every check skipped for the same cause
    /// (for example <c>slices smaller than 30 rows</c>), so reports can summarise them in one line.</summary>
    public string? SkipReason { get; init; }

    /// <summary>One sentence that explains the outcome.</summary>
    public required string Detail { get; init; }
}
