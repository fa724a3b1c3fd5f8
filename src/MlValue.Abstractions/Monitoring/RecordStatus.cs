namespace MlValue.Monitoring;

/// <summary>What happened to one recorded prediction. Every status other than <see cref="Accepted"/> and
/// <see cref="AcceptedLate"/> is counted in the window's data-quality counts.</summary>
public enum RecordStatus
{
    /// <summary>Stored in the bucket of its event time.</summary>
    Accepted = 0,

    /// <summary>Stored in an older bucket of its event time, within the allowed lateness.</summary>
    AcceptedLate = 1,

    /// <summary>Later than the allowed lateness (or older than the retention): counted, not stored.</summary>
    TooLate = 2,

    /// <summary>Event time more than one bucket ahead of the monitor's clock: counted, not stored.</summary>
    InFuture = 3,

    /// <summary>The prediction is not a number, or (binary) not a probability in [0, 1]: counted, not stored.</summary>
    InvalidPrediction = 4,
}
