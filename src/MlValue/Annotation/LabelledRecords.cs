using MlValue.Data;

namespace MlValue.Annotation;

/// <summary>Items with their aggregated labels written onto them, and the items that got none.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class LabelledRecords<T>
    where T : class, new()
{
    internal LabelledRecords(IReadOnlyList<T> labelled, IReadOnlyList<T> unlabelled)
    {
        Labelled = labelled;
        Unlabelled = unlabelled;
    }

    /// <summary>Copies of the items that got a label, in input order, with the label set.</summary>
    public IReadOnlyList<T> Labelled { get; }

    /// <summary>The items that got no label (every annotator abstained, a tie that abstains, or no annotation at all), unchanged.</summary>
    public IReadOnlyList<T> Unlabelled { get; }

    /// <summary>The labelled items as a content-addressed dataset.</summary>
    /// <param name="provenance">Where the items came from and how they were labelled.</param>
    /// <returns>The dataset.</returns>
    public Dataset<T> ToDataset(DatasetProvenance provenance) => Dataset.FromRecords(Labelled, provenance);
}
