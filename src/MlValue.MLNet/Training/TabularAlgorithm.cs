namespace MlValue.Training;

/// <summary>The tree learner of the tabular preset.</summary>
public enum TabularAlgorithm
{
    /// <summary>ML.NET FastTree (gradient-boosted trees, managed code; multiclass via one-versus-all).</summary>
    FastTree,

    /// <summary>LightGBM through ML.NET (native library).</summary>
    LightGbm,
}
