namespace MlValue.Serving;

/// <summary>Counts and the bounded swap log behind <see cref="ServingStatus"/>.</summary>
internal sealed class ServingStatusRecorder
{
    private const int MaxEvents = 100;
    private readonly Queue<ServingEvent> _events = new();
    private long _swaps;
    private long _swapFailures;
    private long _shadowDisagreements;
    private long _shadowFailures;

    public void Record(ServingEvent entry)
    {
        Interlocked.Increment(ref entry.Succeeded ? ref _swaps : ref _swapFailures);
        lock (_events)
        {
            if (_events.Count == MaxEvents)
            {
                _events.Dequeue();
            }

            _events.Enqueue(entry);
        }
    }

    public ServingEvent? LastFailure(ServingArm arm)
    {
        lock (_events)
        {
            return _events.LastOrDefault(e => e.Arm == arm && !e.Succeeded);
        }
    }

    public void ShadowDisagreed() => Interlocked.Increment(ref _shadowDisagreements);

    public void ShadowFailed() => Interlocked.Increment(ref _shadowFailures);

    public ServingStatus Snapshot(string modelName, IReadOnlyList<ServingSlotStatus> slots)
    {
        lock (_events)
        {
            return new ServingStatus
            {
                ModelName = modelName,
                Slots = slots,
                Swaps = Interlocked.Read(ref _swaps),
                SwapFailures = Interlocked.Read(ref _swapFailures),
                ShadowDisagreements = Interlocked.Read(ref _shadowDisagreements),
                ShadowFailures = Interlocked.Read(ref _shadowFailures),
                Events = [.. _events],
            };
        }
    }
}
