namespace MlValue.Monitoring;

/// <summary>What the monitored model predicts, which decides how outcomes are scored.</summary>
public enum PredictionKind
{
    /// <summary>A probability of the positive class in [0, 1]; outcomes are 0 or 1.</summary>
    Binary = 0,

    /// <summary>A real value; outcomes are real values.</summary>
    Regression = 1,

    /// <summary>A class label (text); outcomes are class labels. Recorded with the class overloads of <see cref="IModelMonitor{T}"/>.</summary>
    Multiclass = 2,
}
