using System.Globalization;
using System.Text;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Training;

public sealed class SpamRecord
{
    public string? Subject { get; set; } = "";

    public string? Body { get; set; } = "";

    public bool IsSpam { get; set; }
}

public sealed class TabularRecord
{
    public float X { get; set; }

    public float Y { get; set; }

    public string Color { get; set; } = "";

    public string Quadrant { get; set; } = "";

    public float Target { get; set; }
}

/// <summary>Small, deterministic training data.</summary>
internal static class TrainingTestData
{
    public static readonly string[] DatasetIds = ["ds-train-001"];

    public static IReadOnlyList<SpamRecord> Spam(bool holdout)
        => [.. SpamFixture.All.Where((_, i) => (i % 3 == 0) == holdout).Select(m => new SpamRecord { Subject = m.Subject, Body = Cut(m.Body, 2000), IsSpam = m.IsSpam })];

    /// <summary>60 training messages with short bodies: for tests about the mechanics, not the quality.</summary>
    public static IReadOnlyList<SpamRecord> SmallSpam()
        => [.. Spam(holdout: false).Where((_, i) => i % 3 == 0).Select(r => new SpamRecord { Subject = r.Subject, Body = Cut(r.Body, 400), IsSpam = r.IsSpam })];

    private static string Cut(string? text, int length) => text is null || text.Length <= length ? text ?? "" : text[..length];

    public static IReadOnlyList<TabularRecord> Tabular(int count, int seed)
    {
        var random = new Random(seed);
        string[] colors = ["red", "green", "blue"];
        var rows = new List<TabularRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var x = (float)((random.NextDouble() * 2) - 1);
            var y = (float)((random.NextDouble() * 2) - 1);
            var color = colors[random.Next(colors.Length)];
            var quadrant = x >= 0 ? (y >= 0 ? "north-east" : "south-east") : (y >= 0 ? "north-west" : "south-west");
            var offset = color switch { "red" => 2f, "green" => 0f, _ => -2f };
            var noise = (float)((random.NextDouble() - 0.5) * 0.1);
            rows.Add(new TabularRecord { X = x, Y = y, Color = color, Quadrant = quadrant, Target = (3 * x) + offset + noise });
        }

        return rows;
    }

    public static TextTrainerOptions SpamOptions()
    {
        var options = new TextTrainerOptions { LabelColumn = nameof(SpamRecord.IsSpam) };
        options.TextColumns.Add(nameof(SpamRecord.Subject));
        options.TextColumns.Add(nameof(SpamRecord.Body));
        return options;
    }

    public static TabularTrainerOptions TabularOptions(string label)
    {
        var options = new TabularTrainerOptions { LabelColumn = label, NumberOfTrees = 20 };
        options.NumericColumns.Add(nameof(TabularRecord.X));
        options.NumericColumns.Add(nameof(TabularRecord.Y));
        options.CategoricalColumns.Add(nameof(TabularRecord.Color));
        return options;
    }

    public static string Describe(TrainedModel model)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {model.TrainerName}");
        text.AppendLine();
        text.AppendLine("| property | value |");
        text.AppendLine("|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| task | {model.Task} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| artifact format | {model.Artifact.FormatId} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| seed | {model.Seed} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| datasets | {string.Join(", ", model.DatasetIds)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| rows | {model.RowCount} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| duration | {model.Duration} |");
        text.AppendLine();
        text.AppendLine("## Input schema");
        text.AppendLine();
        text.AppendLine("| column | type |");
        text.AppendLine("|---|---|");
        foreach (var column in model.InputSchema)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {column.Name} | {column.Type} |");
        }

        text.AppendLine();
        text.AppendLine("## Hyperparameters");
        text.AppendLine();
        text.AppendLine("| name | value |");
        text.AppendLine("|---|---|");
        foreach (var (name, value) in model.Hyperparameters)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        }

        text.AppendLine();
        text.AppendLine("## Training metrics");
        text.AppendLine();
        text.AppendLine("| metric | value |");
        text.AppendLine("|---|---|");
        foreach (var (name, value) in model.Metrics)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value:0.000} |");
        }

        return text.ToString();
    }
}

/// <summary>Reports synchronously (unlike <see cref="Progress{T}"/>), so tests see every report in order.</summary>
internal sealed class RecordingProgress(Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
{
    public List<TrainingProgress> Reports { get; } = [];

    public void Report(TrainingProgress value)
    {
        lock (Reports)
        {
            Reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
