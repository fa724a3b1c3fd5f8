using MlValue.Internal;

namespace MlValue.Evaluation;

/// <summary>
/// Labelled records held out from training, with how to read their label, how to slice them and
/// how to show them in the worst-errors table. Evaluate the challenger, the champion and the
/// baseline on the same holdout so that they can be compared.
/// </summary>
/// <typeparam name="TInput">The record type.</typeparam>
/// <typeparam name="TLabel">The label type: <see cref="bool"/> (binary), <see cref="string"/> (multiclass) or <see cref="float"/> (regression).</typeparam>
public sealed class Holdout<TInput, TLabel>
    where TInput : class
{
    /// <summary>Creates a holdout.</summary>
    /// <param name="records">The labelled records; enumerated once per evaluation.</param>
    /// <param name="label">Reads the true label of a record.</param>
    public Holdout(IEnumerable<TInput> records, Func<TInput, TLabel> label)
    {
        Records = Guard.NotNull(records);
        Label = Guard.NotNull(label);
    }

    /// <summary>The labelled records.</summary>
    public IEnumerable<TInput> Records { get; }

    /// <summary>Reads the true label of a record.</summary>
    public Func<TInput, TLabel> Label { get; }

    /// <summary>The content-addressed id of the holdout dataset, if known; comparisons require equal ids.</summary>
    public string? DatasetId { get; init; }

    /// <summary>The segments to slice metrics by. Default: none.</summary>
    public IReadOnlyList<Segment<TInput>> Segments { get; init; } = [];

    /// <summary>Renders a record for the worst-errors table (truncated to
    /// <c>EvaluationOptions.MaxInputLength</c>). Default: <see cref="object.ToString"/>.</summary>
    public Func<TInput, string>? InputFormatter { get; init; }

    /// <summary>
    /// Class names. Multiclass: required, the classes every model is measured against; a model that
    /// names its own classes (<see cref="MlValue.Training.IModelClassNames"/>) is aligned with them by
    /// name, any other model must score them in this order (the order of
    /// <see cref="MlValue.Training.MulticlassPrediction.Score"/>). Binary: optional display names
    /// of the negative and the positive class; default <c>negative</c>, <c>positive</c>.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; init; }
}
