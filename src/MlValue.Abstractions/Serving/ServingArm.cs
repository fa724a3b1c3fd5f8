namespace MlValue.Serving;

/// <summary>Which arm of a predictor produced a prediction.</summary>
public enum ServingArm
{
    /// <summary>The primary alias (for example <c>champion</c>): the default answer.</summary>
    Primary = 0,

    /// <summary>The canary alias, chosen for a share of routing keys; its answer is returned.</summary>
    Canary = 1,

    /// <summary>The shadow alias, scored beside the primary; its answer is never returned.</summary>
    Shadow = 2,
}
