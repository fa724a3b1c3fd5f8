namespace MlValue.Monitoring;

/// <summary>How a monitored feature is summarised.</summary>
public enum FeatureKind
{
    /// <summary>A number: count, nulls, min, max, mean, variance, quantile sketch, histogram on the reference's bin edges.</summary>
    Numeric = 0,

    /// <summary>A category: exact counts up to a cap, an "other" bucket, and a distinct-count estimate.</summary>
    Categorical = 1,

    /// <summary>A text: length statistics and the share of tokens unseen in the reference vocabulary.</summary>
    Text = 2,
}
