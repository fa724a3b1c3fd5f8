using MlValue.Cleaning;

namespace MlValue.Data;

/// <summary>The clean rows of a dataset as a dataset of their own, with what the cleaning did.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class CleanedDataset<T>
    where T : class, new()
{
    internal CleanedDataset(Dataset<T> clean, CleaningResult<T> result)
    {
        Clean = clean;
        Result = result;
    }

    /// <summary>The clean rows; its provenance names the input dataset as parent and the quarantine count.</summary>
    public Dataset<T> Clean { get; }

    /// <summary>The cleaning result: the quarantine with each row's rule and reason, and the per-step report.</summary>
    public CleaningResult<T> Result { get; }

    /// <summary>The rejected rows.</summary>
    public Quarantine<T> Quarantine => Result.Quarantine;
}
