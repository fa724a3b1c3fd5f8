using System.Globalization;
using MlValue.Cleaning;
using MlValue.Evaluation;
using MlValue.Training;

namespace MlValue.Data;

/// <summary>A dataset handed to the next stage with its id, so lineage cannot be forgotten on the way.</summary>
public static class DatasetExtensions
{
    /// <summary>
    /// The dataset as the input of a training: its rows (an engine's own form is kept, so an ML.NET
    /// trainer reads a data view without a copy) and its id as the training set's lineage.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="dataset">The dataset.</param>
    /// <param name="seed">The seed of the training.</param>
    /// <returns>The training set.</returns>
    public static TrainingSet<T> ToTrainingSet<T>(this Dataset<T> dataset, int seed)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Rows is { } rows
            ? TrainingSet<T>.FromRawRepresentation(dataset.AsEnumerable(), rows.RawRepresentation, [dataset.Id], seed)
            : TrainingSet<T>.FromRecords(dataset.AsEnumerable(), [dataset.Id], seed);
    }

    /// <summary>The dataset as an evaluation holdout, with its id as the evaluation's dataset.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <typeparam name="TLabel">The label type (bool, string or float for binary, multiclass and regression).</typeparam>
    /// <param name="dataset">The dataset.</param>
    /// <param name="label">Reads the true label of a record.</param>
    /// <param name="classNames">The class names shown in reports (binary: negative then positive), or null.</param>
    /// <param name="segments">The slices to evaluate apart, or null for none.</param>
    /// <param name="inputFormatter">How an input is shown among the worst errors (for example its subject), or null for <c>ToString()</c>.</param>
    /// <returns>The holdout.</returns>
    public static Holdout<T, TLabel> ToHoldout<T, TLabel>(this Dataset<T> dataset, Func<T, TLabel> label, IReadOnlyList<string>? classNames = null, IReadOnlyList<Segment<T>>? segments = null, Func<T, string>? inputFormatter = null)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(label);
        return new Holdout<T, TLabel>(dataset.AsEnumerable(), label) { DatasetId = dataset.Id, ClassNames = classNames, Segments = segments ?? [], InputFormatter = inputFormatter };
    }

    /// <summary>
    /// Cleans the dataset and returns the clean rows as a new dataset whose provenance names this one
    /// as its parent and says how many rows were quarantined, with the cleaning result beside it
    /// (its quarantine holds every rejected row with its rule and reason; clean + quarantined = input).
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="dataset">The dataset.</param>
    /// <param name="cleaner">The cleaner (for example from <c>AddRecordCleaner&lt;T&gt;</c>).</param>
    /// <param name="cancellationToken">Stops the pass between records.</param>
    /// <returns>The clean dataset and the cleaning result.</returns>
    public static CleanedDataset<T> Clean<T>(this Dataset<T> dataset, IRecordCleaner<T> cleaner, CancellationToken cancellationToken = default)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(cleaner);
        var result = cleaner.Clean(dataset.AsEnumerable(), (_, index) => index.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var derivation = string.Create(CultureInfo.InvariantCulture, $"cleaned: {result.Clean.Count} of {dataset.Count} kept, {result.Quarantine.Count} quarantined");
        var clean = Dataset.FromRecords(result.Clean, dataset.Provenance.Derive(dataset.Id, derivation));
        return new CleanedDataset<T>(clean, result);
    }
}
