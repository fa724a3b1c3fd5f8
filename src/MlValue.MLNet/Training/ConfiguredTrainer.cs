using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace MlValue.Training;

/// <summary>The <see cref="ITrainer{TRecord}"/> that DI resolves: the trainer chosen by <see cref="TrainingOptions"/>.</summary>
internal sealed class ConfiguredTrainer<TRecord> : ITrainer<TRecord>
    where TRecord : class, new()
{
    private readonly ITrainer<TRecord> _inner;

    public ConfiguredTrainer(IOptions<TrainingOptions> options, TimeProvider timeProvider, IMeterFactory? meterFactory = null)
    {
        var o = options.Value;
        _inner = o.Preset switch
        {
            TrainingPreset.Text => MlNetTrainers.Text<TRecord>(o.Task, o.Text, timeProvider, meterFactory),
            TrainingPreset.Tabular => MlNetTrainers.Tabular<TRecord>(o.Task, o.Tabular, timeProvider, meterFactory),
            _ => BaselineTrainers.Majority<TRecord>(o.Task, o.BaselineLabelColumn, timeProvider, meterFactory),
        };
    }

    public string Name => _inner.Name;

    public Task<TrainedModel> TrainAsync(TrainingSet<TRecord> data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
        => _inner.TrainAsync(data, progress, cancellationToken);
}
