namespace MlValue.Training;

/// <summary>Checks trainer options, naming each bad setting with its path (for example <c>MlValue:Training:Text:TextColumns</c>).</summary>
internal static class OptionsCheck
{
    public static List<string> Text(TextTrainerOptions options, string path)
    {
        var errors = new List<string>();
        Label(options.LabelColumn, path, errors);
        if (options.TextColumns.Count == 0 || options.TextColumns.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{path}:TextColumns must list at least one text column, none empty (for example Subject and Body).");
        }

        Range(options.WordNgramLength, 1, 4, path + ":WordNgramLength", errors);
        Range(options.CharNgramLength, 1, 6, path + ":CharNgramLength", errors);
        Range(options.NumberOfThreads, 1, 256, path + ":NumberOfThreads", errors);
        if (options.MaximumNumberOfIterations is { } iterations)
        {
            Range(iterations, 1, 10_000, path + ":MaximumNumberOfIterations", errors);
        }

        SampleSize(options.TrainingMetricsSampleSize, path, errors);
        return errors;
    }

    public static List<string> Tabular(TabularTrainerOptions options, string path)
    {
        var errors = new List<string>();
        Label(options.LabelColumn, path, errors);
        if (options.NumericColumns.Count + options.CategoricalColumns.Count == 0
            || options.NumericColumns.Concat(options.CategoricalColumns).Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{path}:NumericColumns and {path}:CategoricalColumns must list at least one feature column between them, none empty.");
        }

        Range(options.NumberOfTrees, 1, 10_000, path + ":NumberOfTrees", errors);
        Range(options.NumberOfLeaves, 2, 1_000, path + ":NumberOfLeaves", errors);
        Range(options.MinimumExampleCountPerLeaf, 1, 10_000, path + ":MinimumExampleCountPerLeaf", errors);
        Range(options.NumberOfThreads, 1, 256, path + ":NumberOfThreads", errors);
        if (!(options.LearningRate > 0 && options.LearningRate <= 1))
        {
            errors.Add(FormattableString.Invariant($"{path}:LearningRate must be in (0, 1]; it is {options.LearningRate}."));
        }

        SampleSize(options.TrainingMetricsSampleSize, path, errors);
        return errors;
    }

    public static List<string> Label(string? labelColumn, string path)
    {
        var errors = new List<string>();
        Label(labelColumn, path, errors);
        return errors;
    }

    public static List<string> Custom(CustomPipelineOptions options, string path)
    {
        var errors = new List<string>();
        Label(options.LabelColumn, path, errors);
        SampleSize(options.TrainingMetricsSampleSize, path, errors);
        return errors;
    }

    public static void ThrowIfAny(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new TrainingException("Invalid trainer options: " + string.Join(" ", errors) + " How to fix: correct the setting(s) named above.");
        }
    }

    private static void Label(string? labelColumn, string path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(labelColumn))
        {
            errors.Add($"{path}:LabelColumn must name the label column; it is empty.");
        }
    }

    private static void SampleSize(int? sampleSize, string path, List<string> errors)
    {
        if (sampleSize is { } rows)
        {
            Range(rows, 1, 100_000_000, path + ":TrainingMetricsSampleSize", errors);
        }
    }

    private static void Range(int value, int min, int max, string setting, List<string> errors)
    {
        if (value < min || value > max)
        {
            errors.Add(FormattableString.Invariant($"{setting} must be between {min} and {max}; it is {value}."));
        }
    }
}
