namespace MlValue.Monitoring;

/// <summary>What happened to one recorded outcome (ground truth).</summary>
public enum OutcomeStatus
{
    /// <summary>Joined with its prediction; the performance of the prediction's bucket was updated.</summary>
    Recorded = 0,

    /// <summary>No pending prediction has this correlation id (never seen, already answered, expired or evicted): counted.</summary>
    Unknown = 1,

    /// <summary>The prediction was found but its bucket is past the retention: counted.</summary>
    Expired = 2,
}
