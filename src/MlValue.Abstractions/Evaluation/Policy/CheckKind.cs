namespace MlValue.Evaluation;

/// <summary>What a policy check tests.</summary>
public enum CheckKind
{
    /// <summary>The challenger reaches the rule's absolute threshold.</summary>
    Threshold,

    /// <summary>The challenger improves on the champion by the rule's margin.</summary>
    ImprovementOverChampion,

    /// <summary>The challenger beats the no-ML baseline.</summary>
    BeatsBaseline,

    /// <summary>A slice does not regress against the champion past the tolerance.</summary>
    SliceRegression,

    /// <summary>A first model (no champion) has a baseline to beat.</summary>
    BaselineRequired,
}
