using System.Globalization;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Monitoring;

/// <summary>
/// Connects serving to monitoring: records every prediction of the <see cref="ServingArm.Primary"/> arm into an
/// <see cref="IModelMonitor{T}"/> with the version as text, the correlation id and the prediction's time as event time:
/// for a <see cref="BinaryPrediction"/> the positive-class probability, for a <see cref="RegressionPrediction"/> the
/// value, for a <see cref="MulticlassPrediction"/> the predicted class. Canary and shadow answers are left out, so
/// the monitor sees what users saw. Created with a registry and model name, it also makes the monitor follow the served
/// version's reference: after each swap of the primary arm it loads that version's <see cref="ReferenceProfile.AttachmentName"/>
/// attachment and rebases the monitor (<see cref="ModelMonitor{T}.Rebase"/>); a version without one gives "no reference"
/// verdicts with the reason, never an error on the request path.
/// </summary>
/// <typeparam name="TIn">The model input.</typeparam>
public sealed class MonitoringPredictionObserver<TIn> :
    IPredictionObserver<TIn, BinaryPrediction>,
    IPredictionObserver<TIn, MulticlassPrediction>,
    IPredictionObserver<TIn, RegressionPrediction>
    where TIn : class
{
    private readonly IModelMonitor<TIn> _monitor;
    private readonly string[] _versions = new string[64];
    private readonly StripedCounter _recorded = new();
    private readonly ServedReference? _reference;

    /// <summary>Creates the observer.</summary>
    /// <param name="monitor">The monitor that receives the primary arm's predictions.</param>
    public MonitoringPredictionObserver(IModelMonitor<TIn> monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        _monitor = monitor;
    }

    /// <summary>Creates an observer that also rebases a <see cref="ModelMonitor{T}"/> onto the reference of each version served.</summary>
    /// <param name="monitor">The monitor that receives the primary arm's predictions.</param>
    /// <param name="registry">The registry that holds the served versions and their attachments.</param>
    /// <param name="modelName">The served model.</param>
    public MonitoringPredictionObserver(IModelMonitor<TIn> monitor, IModelRegistry registry, string modelName)
        : this(monitor)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        _reference = new ServedReference(registry, modelName);
    }

    /// <summary>Predictions recorded (primary arm only), whatever the monitor did with them.</summary>
    public long Recorded => _recorded.Value;

    /// <summary>The monitor that receives the primary arm's predictions (where their outcomes are recorded).</summary>
    public IModelMonitor<TIn> Monitor => _monitor;

    /// <inheritdoc />
    public void OnPrediction(in PredictionEvent<TIn, BinaryPrediction> prediction)
    {
        if (prediction.Arm == ServingArm.Primary)
        {
            _monitor.Record(prediction.Input, prediction.Output.Probability, VersionText(prediction.Version), prediction.CorrelationId, prediction.Timestamp);
            _recorded.Increment();
        }
    }

    /// <inheritdoc />
    public void OnPrediction(in PredictionEvent<TIn, MulticlassPrediction> prediction)
    {
        if (prediction.Arm == ServingArm.Primary)
        {
            _monitor.Record(prediction.Input, prediction.Output.PredictedLabel, VersionText(prediction.Version), prediction.CorrelationId, prediction.Timestamp);
            _recorded.Increment();
        }
    }

    /// <inheritdoc />
    public void OnPrediction(in PredictionEvent<TIn, RegressionPrediction> prediction)
    {
        if (prediction.Arm == ServingArm.Primary)
        {
            _monitor.Record(prediction.Input, prediction.Output.Score, VersionText(prediction.Version), prediction.CorrelationId, prediction.Timestamp);
            _recorded.Increment();
        }
    }

    /// <summary>After a successful swap of the primary arm, when created with a registry: rebases the monitor onto the new version's reference.</summary>
    /// <param name="change">The swap.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task that completes once the monitor has rebased.</returns>
    public ValueTask OnServingChangedAsync(ServingEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _reference is not null && _monitor is ModelMonitor<TIn> monitor && change is { Arm: ServingArm.Primary, Succeeded: true, ToVersion: { } version }
            ? new ValueTask(_reference.FollowAsync(monitor, version, cancellationToken))
            : ValueTask.CompletedTask;
    }

    private string VersionText(int version)
    {
        if (version < 0 || version >= _versions.Length)
        {
            return version.ToString(CultureInfo.InvariantCulture);
        }

        return _versions[version] ??= version.ToString(CultureInfo.InvariantCulture);
    }
}
