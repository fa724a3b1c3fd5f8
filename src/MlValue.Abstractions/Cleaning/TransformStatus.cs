namespace MlValue.Cleaning;

/// <summary>What a transform did to one record.</summary>
public enum TransformStatus
{
    /// <summary>The record was left as it was.</summary>
    Unchanged,

    /// <summary>The record was changed (or replaced by a new one); counted per transform in the report.</summary>
    Changed,

    /// <summary>The value could not be fixed; the record goes to the quarantine with the reason given.</summary>
    Failed,
}
