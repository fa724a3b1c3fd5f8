namespace MlValue.Training;

/// <summary>What a trainer needs from the data: checked once, before any fitting.</summary>
internal sealed record DataRequirements(
    string TrainerName,
    PredictionTask Task,
    string LabelColumn,
    IReadOnlyList<string> TextColumns,
    IReadOnlyList<string> NumericColumns,
    IReadOnlyList<string> CategoricalColumns)
{
    public IEnumerable<string> FeatureColumns => TextColumns.Concat(NumericColumns).Concat(CategoricalColumns);

    public static DataRequirements LabelOnly(string trainerName, PredictionTask task, string labelColumn)
        => new(trainerName, task, labelColumn, [], [], []);
}
