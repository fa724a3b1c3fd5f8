using MlValue.Training;

namespace MlValue.Monitoring;

/// <summary>The request path: recording predictions and outcomes.</summary>
public sealed partial class ModelMonitor<T>
{
    /// <inheritdoc />
    public RecordStatus Record(T input, double prediction, string modelVersion, string correlationId)
    {
        var now = _time.GetUtcNow().UtcTicks;
        return Record(input, Expect(NumericKind, prediction), null, modelVersion, correlationId, now, now);
    }

    /// <inheritdoc />
    public RecordStatus Record(T input, double prediction, string modelVersion, string correlationId, DateTimeOffset eventTime)
        => Record(input, Expect(NumericKind, prediction), null, modelVersion, correlationId, eventTime.UtcTicks, _time.GetUtcNow().UtcTicks);

    /// <inheritdoc />
    public RecordStatus Record(T input, string predictedClass, string modelVersion, string correlationId)
    {
        var now = _time.GetUtcNow().UtcTicks;
        return Record(input, 0, Expect(PredictionTask.MulticlassClassification, predictedClass), modelVersion, correlationId, now, now);
    }

    /// <inheritdoc />
    public RecordStatus Record(T input, string predictedClass, string modelVersion, string correlationId, DateTimeOffset eventTime)
        => Record(input, 0, Expect(PredictionTask.MulticlassClassification, predictedClass), modelVersion, correlationId, eventTime.UtcTicks, _time.GetUtcNow().UtcTicks);

    /// <summary>Records at <paramref name="eventTicks"/> with the clock read once (<paramref name="now"/>, UTC ticks); a multiclass prediction is <paramref name="predictedClass"/>.</summary>
    private RecordStatus Record(T input, double prediction, string? predictedClass, string modelVersion, string correlationId, long eventTicks, long now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);
        ArgumentException.ThrowIfNullOrEmpty(correlationId);
        var nowIndex = now / _width;
        var index = eventTicks / _width;
        var status = index > nowIndex + 1 ? RecordStatus.InFuture
            : !double.IsFinite(prediction) || (Prediction == PredictionTask.BinaryClassification && prediction is < 0 or > 1) || predictedClass?.Length == 0 ? RecordStatus.InvalidPrediction
            : ((index + 1) * _width) + _options.AllowedLateness.Ticks <= now || index <= nowIndex - _ring.Length ? RecordStatus.TooLate
            : index < nowIndex ? RecordStatus.AcceptedLate
            : RecordStatus.Accepted;
        if (status is RecordStatus.Accepted or RecordStatus.AcceptedLate)
        {
            var values = Read(input);
            if (Store(index, values, prediction, predictedClass, modelVersion, status == RecordStatus.AcceptedLate))
            {
                _pending.Add(correlationId, index, prediction, predictedClass, now);
                _telemetry.Records.Add(1, _tag);
                return status;
            }

            status = RecordStatus.TooLate;
        }

        CountAtArrival(nowIndex, status);
        return status;
    }

    private FeatureValue[] Read(T input)
    {
        var values = _scratch is { } s && s.Length >= _features.Length ? s : (_scratch = new FeatureValue[Math.Max(_features.Length, 8)]);
        for (var i = 0; i < _features.Length; i++)
        {
            ref var value = ref values[i];
            var feature = _features[i];
            if (feature.Kind == FeatureKind.Numeric)
            {
                value.Number = feature.Number!(input);
                continue;
            }

            value.Text = feature.Text!(input);
        }

        return values;
    }

    /// <summary>Counts the text features' tokens against the vocabularies of <paramref name="layout"/> (the bucket's reference), before its lock is taken.</summary>
    private void CountTokens(FeatureValue[] values, MonitorLayout layout)
    {
        for (var i = 0; i < _features.Length; i++)
        {
            if (layout.Kinds[i] == FeatureKind.Text)
            {
                layout.Vocabularies[i].Count(values[i].Text, out values[i].Tokens, out values[i].Unseen);
            }
        }
    }

    private bool Store(long index, FeatureValue[] values, double prediction, string? predictedClass, string modelVersion, bool late)
    {
        MonitorLayout? counted = null;
        while (_ring.Acquire(index) is { } bucket)
        {
            if (_hasText && !ReferenceEquals(counted, bucket.Layout))
            {
                counted = bucket.Layout;
                CountTokens(values, counted);
            }

            lock (bucket.Gate)
            {
                if (bucket.Index != index)
                {
                    continue;
                }

                for (var i = 0; i < _features.Length; i++)
                {
                    switch (bucket.Layout.Kinds[i])
                    {
                        case FeatureKind.Numeric: bucket.Numeric[i]!.Add(values[i].Number); break;
                        case FeatureKind.Categorical: bucket.Categorical[i]!.Add(values[i].Text); break;
                        default: bucket.Text[i]!.Add(values[i].Text, values[i].Tokens, values[i].Unseen); break;
                    }

                    values[i].Text = null;
                }

                if (predictedClass is null)
                {
                    bucket.Prediction.Add(prediction);
                }
                else
                {
                    bucket.PredictedClasses!.Add(predictedClass);
                }

                bucket.CountVersion(modelVersion, 1);
                bucket.Records++;
                bucket.LateAccepted += late ? 1 : 0;
                bucket.Touch();
                return true;
            }
        }

        return false;
    }
}
