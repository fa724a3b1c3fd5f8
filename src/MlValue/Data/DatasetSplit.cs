namespace MlValue.Data;

/// <summary>A deterministic train/validation/test split of a dataset; each part is a dataset whose parent is the split one.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class DatasetSplit<T>
    where T : class, new()
{
    internal DatasetSplit(Dataset<T> train, Dataset<T> validation, Dataset<T> test)
    {
        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>The training set.</summary>
    public Dataset<T> Train { get; }

    /// <summary>The validation set.</summary>
    public Dataset<T> Validation { get; }

    /// <summary>The test (holdout) set.</summary>
    public Dataset<T> Test { get; }
}
