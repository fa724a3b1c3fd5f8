namespace MlValue.Data;

/// <summary>The part of a split a key falls into.</summary>
public enum DataSplitPart
{
    /// <summary>The training set.</summary>
    Train,

    /// <summary>The validation set.</summary>
    Validation,

    /// <summary>The test (holdout) set.</summary>
    Test,
}
