using Microsoft.ML;
using MlValue.Diagnostics;

namespace MlValue.Training;

/// <summary>The no-ML baseline: majority class, mean, or a user rule; its artifact is a small JSON document.</summary>
internal sealed class BaselineTrainer<TRecord> : ITrainer<TRecord>
    where TRecord : class, new()
{
    private readonly PredictionTask _task;
    private readonly string _labelColumn;
    private readonly BaselineRule<TRecord>? _rule;
    private readonly TimeProvider _timeProvider;
    private readonly TrainingTelemetry _telemetry;

    public BaselineTrainer(PredictionTask task, string labelColumn, BaselineRule<TRecord>? rule, TimeProvider timeProvider, TrainingTelemetry telemetry)
    {
        OptionsCheck.ThrowIfAny(OptionsCheck.Label(labelColumn, "BaselineOptions"));
        _task = task;
        _labelColumn = labelColumn;
        _rule = rule;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
        Name = rule is not null ? "baseline-rule-" + rule.Name : task == PredictionTask.Regression ? "baseline-mean" : "baseline-majority";
    }

    public string Name { get; }

    public Task<TrainedModel> TrainAsync(TrainingSet<TRecord> data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return TrainingRun.RunAsync(Name, _task, data.Seed, _timeProvider, _telemetry, ml => Train(ml, data, progress, cancellationToken), cancellationToken);
    }

    private TrainedModel Train(MLContext ml, TrainingSet<TRecord> data, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        TrainingRun.Report(progress, TrainingStage.Validating, 0, "validating rows", cancellationToken);
        var needs = DataRequirements.LabelOnly(Name, _task, _labelColumn);
        var view = data.ToDataView(ml);
        var stats = _rule is null ? TrainingDataValidator.Scan(view, needs, progress, cancellationToken) : TrainingDataValidator.Scan(view, needs, progress, cancellationToken, requireTwoClasses: false);
        if (data.RawRepresentation is null)
        {
            TrainingDataValidator.CheckNullText(data.Records, needs, cancellationToken);
        }

        TrainingRun.Report(progress, TrainingStage.Fitting, stats.RowCount, "counting the label", cancellationToken);
        var document = new BaselineDocument { Task = _task, LabelColumn = _labelColumn };
        SortedDictionary<string, double> metrics;
        if (_rule is not null)
        {
            document.Kind = BaselineDocument.RuleKind;
            document.Rule = _rule.Name;
            TrainingRun.Report(progress, TrainingStage.Evaluating, stats.RowCount, "applying the rule", cancellationToken);
            metrics = BaselineMetrics.ForRule(_rule, data.Records, view, _labelColumn, cancellationToken);
        }
        else if (_task == PredictionTask.Regression)
        {
            document.Kind = BaselineDocument.MeanKind;
            document.Mean = stats.LabelSum / stats.RowCount;
            metrics = BaselineMetrics.ForMean(stats);
        }
        else
        {
            document.Kind = BaselineDocument.MajorityKind;
            document.PositiveRate = _task == PredictionTask.BinaryClassification ? (double)stats.Positives / stats.RowCount : null;
            document.ClassCounts = _task == PredictionTask.MulticlassClassification ? stats.ClassCounts : null;
            metrics = BaselineMetrics.ForMajority(_task, stats);
        }

        TrainingRun.Report(progress, TrainingStage.Serialising, stats.RowCount, "writing the JSON artifact", cancellationToken);
        var artifact = new ModelArtifact(BaselineModelFormat.Id, document.ToBytes());
        TrainingRun.Report(progress, TrainingStage.Completed, stats.RowCount, "done", cancellationToken);
        var label = view.Schema[_labelColumn];
        return new TrainedModel
        {
            Artifact = artifact,
            Task = _task,
            InputSchema = [new ModelColumn(label.Name, label.Type.ToString() ?? label.Type.RawType.Name)],
            TrainerName = Name,
            Hyperparameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["kind"] = document.Kind,
                ["rule"] = _rule?.Name ?? "none",
                ["label_column"] = _labelColumn,
            },
            Seed = data.Seed,
            DatasetIds = data.DatasetIds,
            RowCount = stats.RowCount,
            Duration = TimeSpan.Zero,
            Metrics = metrics,
        };
    }
}
