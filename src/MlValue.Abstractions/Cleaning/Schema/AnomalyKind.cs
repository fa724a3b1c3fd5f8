namespace MlValue.Cleaning;

/// <summary>What is wrong with a column of a batch, compared with the schema.</summary>
public enum AnomalyKind
{
    /// <summary>A column of the schema is absent from the batch.</summary>
    MissingColumn,

    /// <summary>The batch has a column the schema does not know.</summary>
    UnexpectedColumn,

    /// <summary>Values are not of the schema's type (a property of another type, or text that does not parse).</summary>
    TypeMismatch,

    /// <summary>Values of a categorical column were never seen in the reference set.</summary>
    UnseenCategory,

    /// <summary>Values (or text lengths) lie outside the reference range, or are NaN/±Infinity.</summary>
    OutOfRange,

    /// <summary>The share of null or empty values rose above the reference rate.</summary>
    NullRateJump,

    /// <summary>The shares of a categorical column's values moved from the reference beyond the tolerance and beyond sampling noise.</summary>
    CategoryShareShift,
}
