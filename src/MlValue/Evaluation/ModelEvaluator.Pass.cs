using System.Globalization;
using System.Text;
using MlValue.Evaluation.Internal;
using MlValue.Training;

namespace MlValue.Evaluation;

/// <summary>The prediction pass over the holdout and the parts every task shares.</summary>
public sealed partial class ModelEvaluator
{
    private Pass<TInput> Predict<TInput, TOutput, TLabel>(string modelName, IPredictionModel<TInput, TOutput> model, Holdout<TInput, TLabel> holdout, PredictionTable<TOutput, TLabel> table, CancellationToken cancellationToken)
        where TInput : class
        where TOutput : class, new()
    {
        var keys = holdout.Segments.Select(_ => new List<string>()).ToArray();
        var worst = new WorstRows<TInput>(_options.WorstErrorCount);
        var row = 0;
        foreach (var input in holdout.Records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (input is null)
            {
                throw new EvaluationException(Text($"Holdout row {row} is null; remove null records before evaluating model '{modelName}'."));
            }

            var label = Call(() => holdout.Label(input), () => Text($"The label selector failed on holdout row {row}"));
            var prediction = Call(() => model.Predict(input), () => Text($"Model '{modelName}' failed to predict holdout row {row}"));
            worst.Offer(row, table.Add(prediction, label, row), input);
            for (var s = 0; s < keys.Length; s++)
            {
                var segment = holdout.Segments[s];
                keys[s].Add(Call(() => segment.Key(input), () => Text($"The key of segment '{segment.Name}' failed on holdout row {row}")) ?? "(none)");
            }

            row++;
        }

        if (row == 0)
        {
            throw new EvaluationException($"The holdout given to evaluate model '{modelName}' is empty, so no metric can be computed. Pass labelled records held out from training (check the split and the data source's filter).");
        }

        return new Pass<TInput>(keys, worst);
    }

    private EvaluationResult Assemble<TInput, TLabel>(string modelName, PredictionTask task, Holdout<TInput, TLabel> holdout, PredictionTable table, Pass<TInput> pass)
        where TInput : class
    {
        var slices = new List<SliceResult>();
        for (var s = 0; s < pass.Keys.Length; s++)
        {
            var groups = pass.Keys[s].Select((key, row) => (key, row)).GroupBy(x => x.key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var rows = group.Select(x => x.row).ToArray();
                slices.Add(new SliceResult
                {
                    Segment = holdout.Segments[s].Name,
                    Key = group.Key,
                    Count = rows.Length,
                    TooSmall = rows.Length < _options.MinSliceSize,
                    Metrics = table.Metrics(rows),
                });
            }
        }

        var formatter = holdout.InputFormatter ?? (input => input.ToString() ?? string.Empty);
        var worst = pass.Worst.Drain().Select((w, rank) => new WorstError
        {
            Rank = rank + 1,
            Row = w.Row,
            Loss = w.Loss,
            Label = table.LabelText(w.Row),
            Prediction = table.PredictionText(w.Row),
            Input = Truncate(Call(() => formatter(w.Input), () => Text($"The input formatter failed on holdout row {w.Row}")) ?? string.Empty),
        }).ToArray();

        return new EvaluationResult
        {
            ModelName = modelName,
            DatasetId = holdout.DatasetId,
            Task = task,
            Count = table.Count,
            EvaluatedAt = _timeProvider.GetUtcNow(),
            MinSliceSize = _options.MinSliceSize,
            Metrics = table.Metrics(null),
            Slices = slices,
            WorstErrors = worst,
        };
    }

    private string Truncate(string text)
    {
        var flat = new StringBuilder(Math.Min(text.Length, _options.MaxInputLength + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!(space && lastWasSpace))
            {
                flat.Append(space ? ' ' : c);
            }

            lastWasSpace = space;
            if (flat.Length > _options.MaxInputLength)
            {
                break;
            }
        }

        var result = flat.ToString().Trim();
        return result.Length > _options.MaxInputLength ? string.Concat(result.AsSpan(0, _options.MaxInputLength - 1), "…") : result;
    }

    private static T Call<T>(Func<T> call, Func<string> where)
    {
        try
        {
            return call();
        }
        catch (Exception error) when (error is not EvaluationException and not OperationCanceledException)
        {
            throw new EvaluationException($"{where()}: {error.GetType().Name}: {error.Message}", error);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Pass<TInput>(List<string>[] Keys, WorstRows<TInput> Worst);
}
