namespace MlValue.Cleaning;

/// <summary>How serious an anomaly is.</summary>
public enum AnomalySeverity
{
    /// <summary>Worth a look: the batch drifted past a tolerance but a model can still read it.</summary>
    Warning,

    /// <summary>The batch does not fit the schema (missing column, wrong type) or drifted past <see cref="CleaningOptions.ErrorShare"/>.</summary>
    Error,
}
