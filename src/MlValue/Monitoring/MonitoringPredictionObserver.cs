using System.Globalization;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Monitoring;

/// <summary>
/// Connects serving to monitoring: records every prediction of the <see cref="ServingArm.Primary"/> arm into an
/// <see cref="IModelMonitor{T}"/> with the version as text, the correlation id and the prediction's time as event time:
/// for a <see cref="BinaryPrediction"/> the positive-class probability, for a <see cref="RegressionPrediction"/> the
/// value, for a <see cref="MulticlassPrediction"/> the predicted class. Canary and shadow answers are left out, so
/// the monitor sees what users saw.
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

    /// <summary>Creates the observer.</summary>
    /// <param name="monitor">The monitor that receives the primary arm's predictions.</param>
    public MonitoringPredictionObserver(IModelMonitor<TIn> monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        _monitor = monitor;
    }

    /// <summary>Predictions recorded (primary arm only), whatever the monitor did with them.</summary>
    public long Recorded => _recorded.Value;

    internal IModelMonitor<TIn> Monitor => _monitor;

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

    private string VersionText(int version)
    {
        if (version < 0 || version >= _versions.Length)
        {
            return version.ToString(CultureInfo.InvariantCulture);
        }

        return _versions[version] ??= version.ToString(CultureInfo.InvariantCulture);
    }
}
