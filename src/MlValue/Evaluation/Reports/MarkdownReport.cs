using MlValue.Training;
using System.Text;

namespace MlValue.Evaluation.Reports;

internal static class MarkdownReport
{
    public static string Render(EvaluationResult result)
    {
        var md = new StringBuilder();
        md.Append("# Evaluation of ").Append(Fmt.Cell(result.ModelName)).Append("\n\n");
        md.Append("| | |\n|---|---|\n");
        md.Append("| task | ").Append(TaskName(result.Task)).Append(" |\n");
        md.Append("| holdout | ").Append(Fmt.Cell(result.DatasetId ?? Fmt.None)).Append(", ").Append(Fmt.I(result.Count)).Append(" rows |\n");
        md.Append("| evaluated at | ").Append(MlValue.Internal.MarkdownText.Iso(result.EvaluatedAt)).Append(" |\n\n");

        md.Append("## Metrics\n\n| metric | value | note |\n|---|---|---|\n");
        foreach (var m in result.Metrics)
        {
            md.Append("| ").Append(m.Name).Append(" | ").Append(Fmt.Metric(m)).Append(" | ").Append(Fmt.Cell(m.UndefinedReason ?? string.Empty)).Append(" |\n");
        }

        if (result.ClassMetrics.Count > 0)
        {
            md.Append("\n## Per class\n\n| class | support | precision | recall | f1 |\n|---|---|---|---|---|\n");
            foreach (var c in result.ClassMetrics)
            {
                md.Append("| ").Append(Fmt.Cell(c.ClassName)).Append(" | ").Append(Fmt.I(c.Support)).Append(" | ").Append(Fmt.Metric(c.Precision))
                    .Append(" | ").Append(Fmt.Metric(c.Recall)).Append(" | ").Append(Fmt.Metric(c.F1)).Append(" |\n");
            }

            if (result.Metric(MetricNames.MacroF1) is { } macro)
            {
                md.Append("| macro | ").Append(Fmt.I(result.ClassMetrics.Sum(c => c.Support))).Append(" | ").Append(Fmt.None).Append(" | ").Append(Fmt.None)
                    .Append(" | ").Append(Fmt.Metric(macro)).Append(" |\n");
            }

            if (result.ClassesUnknownToModel.Count > 0)
            {
                md.Append("\nClasses the model does not know (never predicted, recall 0): ").Append(Fmt.Cell(string.Join(", ", result.ClassesUnknownToModel))).Append(".\n");
            }
        }

        Slices(md, result);
        Confusion(md, result.ConfusionMatrix);
        Calibration(md, result);
        Worst(md, result);
        return md.ToString();
    }

    public static string TaskName(PredictionTask task) => task switch
    {
        PredictionTask.BinaryClassification => "binary classification",
        PredictionTask.MulticlassClassification => "multiclass classification",
        _ => "regression",
    };

    private static void Slices(StringBuilder md, EvaluationResult result)
    {
        foreach (var segment in result.Slices.GroupBy(s => s.Segment, StringComparer.Ordinal))
        {
            var names = segment.First().Metrics.Select(m => m.Name).ToArray();
            md.Append("\n## Slices by ").Append(Fmt.Cell(segment.Key)).Append("\n\n");
            md.Append("Slices under ").Append(Fmt.I(result.MinSliceSize)).Append(" rows are flagged too small to trust.\n\n");
            md.Append("| slice | rows | ").Append(string.Join(" | ", names)).Append(" | trust |\n|---|---|").Append(string.Concat(names.Select(_ => "---|"))).Append("---|\n");
            foreach (var s in segment)
            {
                md.Append("| ").Append(Fmt.Cell(s.Key)).Append(" | ").Append(Fmt.I(s.Count)).Append(" | ")
                    .Append(string.Join(" | ", names.Select(n => Fmt.Metric(s.Metrics.FirstOrDefault(m => m.Name == n)))))
                    .Append(" | ").Append(s.TooSmall ? "⚠ too small to trust" : "ok").Append(" |\n");
            }
        }
    }

    private static void Confusion(StringBuilder md, ConfusionMatrix? matrix)
    {
        if (matrix is null)
        {
            return;
        }

        md.Append("\n## Confusion matrix\n\nRows: true class; columns: predicted class.\n\n| true \\ predicted | ")
            .Append(string.Join(" | ", matrix.Classes.Select(Fmt.Cell))).Append(" |\n|---|").Append(string.Concat(matrix.Classes.Select(_ => "---|"))).Append('\n');
        for (var t = 0; t < matrix.Classes.Count; t++)
        {
            md.Append("| ").Append(Fmt.Cell(matrix.Classes[t])).Append(" | ").Append(string.Join(" | ", matrix.Counts[t].Select(Fmt.I))).Append(" |\n");
        }
    }

    private static void Calibration(StringBuilder md, EvaluationResult result)
    {
        if (result.Calibration.Count == 0)
        {
            return;
        }

        md.Append("\n## Calibration\n\nExpected calibration error: ").Append(Fmt.Metric(result.Metric(MetricNames.ExpectedCalibrationError))).Append("\n\n");
        md.Append("| bin | rows | mean predicted | observed rate |\n|---|---|---|---|\n");
        foreach (var b in result.Calibration)
        {
            md.Append("| ").Append(Fmt.N(b.Lower, 1)).Append("–").Append(Fmt.N(b.Upper, 1)).Append(" | ").Append(Fmt.I(b.Count))
                .Append(" | ").Append(Fmt.N(b.MeanPredicted)).Append(" | ").Append(Fmt.N(b.ObservedRate)).Append(" |\n");
        }
    }

    private static void Worst(StringBuilder md, EvaluationResult result)
    {
        if (result.WorstErrors.Count == 0)
        {
            return;
        }

        md.Append("\n## Worst ").Append(Fmt.I(result.WorstErrors.Count)).Append(" errors (highest loss first)\n\n");
        md.Append("| # | row | loss | label | prediction | input |\n|---|---|---|---|---|---|\n");
        foreach (var w in result.WorstErrors)
        {
            md.Append("| ").Append(Fmt.I(w.Rank)).Append(" | ").Append(Fmt.I(w.Row)).Append(" | ").Append(Fmt.N(w.Loss)).Append(" | ").Append(Fmt.Cell(w.Label))
                .Append(" | ").Append(Fmt.Cell(w.Prediction)).Append(" | ").Append(Fmt.Cell(w.Input)).Append(" |\n");
        }
    }
}
