namespace MlValue.Serving;

/// <summary>One arm of a predictor: the alias it follows and the version it serves now.</summary>
internal sealed class ModelSlot<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    private volatile LoadedModel<TInput, TOutput>? _current;

    public ModelSlot(ServingArm arm, string alias)
    {
        Arm = arm;
        Alias = alias;
    }

    public ServingArm Arm { get; }

    public string Alias { get; }

    public int? CurrentVersion => _current?.Version;

    public bool IsLoaded => _current is not null;

    /// <summary>Takes a reference on the current version; release it with <paramref name="stripe"/> after predicting.</summary>
    public LoadedModel<TInput, TOutput>? Acquire(out int stripe)
    {
        while (true)
        {
            var current = _current;
            if (current is null)
            {
                stripe = 0;
                return null;
            }

            if (current.TryAcquire(out stripe))
            {
                return current;
            }
        }
    }

    /// <summary>Serves <paramref name="next"/> from now on; the previous version is disposed once its requests finish.</summary>
    public void Swap(LoadedModel<TInput, TOutput> next) => Interlocked.Exchange(ref _current, next)?.Retire();

    /// <summary>Stops serving; the version is disposed once its requests finish.</summary>
    public void Clear() => Interlocked.Exchange(ref _current, null)?.Retire();

    public ServingSlotStatus GetStatus()
    {
        var current = _current;
        return new ServingSlotStatus { Arm = Arm, Alias = Alias, Version = current?.Version, LoadedAt = current?.LoadedAt };
    }
}
