namespace MlValue.Monitoring;

/// <summary>The request path: recording predictions and outcomes.</summary>
public sealed partial class ModelMonitor<T>
{
    /// <inheritdoc />
    public RecordStatus Record(T input, double prediction, string modelVersion, string correlationId)
    {
        var now = _time.GetUtcNow().UtcTicks;
        return Record(input, prediction, modelVersion, correlationId, now, now);
    }

    /// <inheritdoc />
    public RecordStatus Record(T input, double prediction, string modelVersion, string correlationId, DateTimeOffset eventTime)
        => Record(input, prediction, modelVersion, correlationId, eventTime.UtcTicks, _time.GetUtcNow().UtcTicks);

    /// <summary>Records at <paramref name="eventTicks"/> with the clock read once (<paramref name="now"/>, UTC ticks).</summary>
    private RecordStatus Record(T input, double prediction, string modelVersion, string correlationId, long eventTicks, long now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);
        ArgumentException.ThrowIfNullOrEmpty(correlationId);
        var nowIndex = now / _width;
        var index = eventTicks / _width;
        var status = index > nowIndex + 1 ? RecordStatus.InFuture
            : !double.IsFinite(prediction) || (_layout.Prediction == PredictionKind.Binary && prediction is < 0 or > 1) ? RecordStatus.InvalidPrediction
            : ((index + 1) * _width) + _options.AllowedLateness.Ticks <= now || index <= nowIndex - _ring.Length ? RecordStatus.TooLate
            : index < nowIndex ? RecordStatus.AcceptedLate
            : RecordStatus.Accepted;
        if (status is RecordStatus.Accepted or RecordStatus.AcceptedLate)
        {
            var values = Read(input);
            if (Store(index, values, prediction, modelVersion, status == RecordStatus.AcceptedLate))
            {
                _pending.Add(correlationId, index, prediction, now);
                MonitorTelemetry.Records.Add(1, _tag);
                return status;
            }

            status = RecordStatus.TooLate;
        }

        CountAtArrival(nowIndex, status);
        return status;
    }

    /// <inheritdoc />
    public OutcomeStatus RecordOutcome(string correlationId, double outcome)
    {
        ArgumentException.ThrowIfNullOrEmpty(correlationId);
        if (!double.IsFinite(outcome) || (_layout.Prediction == PredictionKind.Binary && outcome is not (0 or 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"Monitor '{Name}' ({_layout.Prediction}) got outcome {outcome} for correlation id '{correlationId}'; binary outcomes must be 0 or 1, regression outcomes finite numbers.");
        }

        var now = _time.GetUtcNow().UtcTicks;
        if (_pending.TryTake(correlationId, now, out var pending))
        {
            var bucket = _ring.Find(pending.Bucket);
            if (bucket is not null)
            {
                lock (bucket.Gate)
                {
                    if (bucket.Index == pending.Bucket)
                    {
                        if (_layout.Prediction == PredictionKind.Binary)
                        {
                            bucket.Performance.AddBinary(pending.Prediction, outcome == 1, _options.DecisionThreshold);
                        }
                        else
                        {
                            bucket.Performance.AddRegression(pending.Prediction, outcome);
                        }

                        bucket.Touch();

                        return OutcomeStatus.Recorded;
                    }
                }
            }
        }

        var status = pending.Sequence == 0 ? OutcomeStatus.Unknown : OutcomeStatus.Expired;
        CountAtArrival(now / _width, status == OutcomeStatus.Unknown ? RecordStatus.Accepted : RecordStatus.AcceptedLate, status);
        MonitorTelemetry.UnknownOutcomes.Add(1, _tag);
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
            if (feature.Kind == FeatureKind.Text)
            {
                _layout.Vocabularies[i].Count(value.Text, out value.Tokens, out value.Unseen);
            }
        }

        return values;
    }

    private bool Store(long index, FeatureValue[] values, double prediction, string modelVersion, bool late)
    {
        while (_ring.Acquire(index) is { } bucket)
        {
            lock (bucket.Gate)
            {
                if (bucket.Index != index)
                {
                    continue;
                }

                for (var i = 0; i < _features.Length; i++)
                {
                    switch (_layout.Kinds[i])
                    {
                        case FeatureKind.Numeric: bucket.Numeric[i]!.Add(values[i].Number); break;
                        case FeatureKind.Categorical: bucket.Categorical[i]!.Add(values[i].Text); break;
                        default: bucket.Text[i]!.Add(values[i].Text, values[i].Tokens, values[i].Unseen); break;
                    }

                    values[i].Text = null;
                }

                bucket.Prediction.Add(prediction);
                bucket.CountVersion(modelVersion, 1);
                bucket.Records++;
                bucket.LateAccepted += late ? 1 : 0;
                bucket.Touch();
                return true;
            }
        }

        return false;
    }

    private void CountAtArrival(long nowIndex, RecordStatus status, OutcomeStatus? outcome = null)
    {
        if (status == RecordStatus.TooLate)
        {
            MonitorTelemetry.LateRecords.Add(1, _tag);
        }

        var bucket = _ring.Acquire(nowIndex);
        if (bucket is null)
        {
            return;
        }

        lock (bucket.Gate)
        {
            if (outcome is { } o) { if (o == OutcomeStatus.Unknown) { bucket.UnknownOutcomes++; } else { bucket.ExpiredOutcomes++; } }
            else if (status == RecordStatus.TooLate) { bucket.TooLate++; }
            else if (status == RecordStatus.InFuture) { bucket.InFuture++; }
            else { bucket.InvalidPredictions++; }
            bucket.Touch();
        }
    }
}
