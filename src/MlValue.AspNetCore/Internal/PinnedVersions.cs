using MlValue.Training;

namespace MlValue.AspNetCore.Internal;

/// <summary>
/// The versions of one model loaded for the OIP version path, at most <see cref="Capacity"/>: adding one more evicts the
/// least recently used. Each request holds a <see cref="PinnedLease{TIn, TOut}"/> while it predicts; an evicted model is
/// disposed when the last lease on it ends (at once when none does), and a later request loads it again.
/// </summary>
internal sealed class PinnedVersions<TIn, TOut> : IDisposable
    where TIn : class
    where TOut : class, new()
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, LinkedListNode<Entry>> _entries = [];

    /// <summary>Most recently used first.</summary>
    private readonly LinkedList<Entry> _recency = new();
    private readonly Func<int, Task<IPredictionModel<TIn, TOut>>> _load;
    private bool _disposed;

    /// <param name="capacity">The most versions kept (at least 1).</param>
    /// <param name="load">Loads the model of a version; called once per version while it is kept.</param>
    public PinnedVersions(int capacity, Func<int, Task<IPredictionModel<TIn, TOut>>> load)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _load = load;
    }

    public int Capacity { get; }

    /// <summary>True when the version is kept (loading or loaded).</summary>
    public bool Contains(int version)
    {
        lock (_lock)
        {
            return _entries.ContainsKey(version);
        }
    }

    /// <summary>True when the version is kept and its model is loaded.</summary>
    public bool IsLoaded(int version)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(version, out var node) && node.Value.Loading.IsValueCreated && node.Value.Loading.Value.IsCompletedSuccessfully;
        }
    }

    /// <summary>
    /// A lease on the model of <paramref name="version"/>, loaded on first request and kept; dispose the lease when the
    /// request has finished with the model. A failed load is not kept: the next request tries again.
    /// </summary>
    public async Task<PinnedLease<TIn, TOut>> AcquireAsync(int version, CancellationToken cancellationToken)
    {
        Entry entry;
        List<Entry>? unload = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_entries.TryGetValue(version, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                entry = node.Value;
            }
            else
            {
                entry = new Entry(version, _load);
                _entries.Add(version, _recency.AddFirst(entry));
                while (_entries.Count > Capacity)
                {
                    var evicted = _recency.Last!.Value;
                    _recency.RemoveLast();
                    _entries.Remove(evicted.Version);
                    if (Evict(evicted))
                    {
                        (unload ??= []).Add(evicted);
                    }
                }
            }

            entry.Users++;
        }

        unload?.ForEach(Unload);
        var loading = entry.Loading.Value;
        try
        {
            var model = await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new PinnedLease<TIn, TOut>(this, entry, model);
        }
        catch (Exception)
        {
            if (loading.IsFaulted || loading.IsCanceled)
            {
                Forget(entry);
            }

            Release(entry);
            throw;
        }
    }

    /// <summary>Evicts every version; those in use are disposed when their last request ends.</summary>
    public void Dispose()
    {
        List<Entry> unload = [];
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var node in _entries.Values)
            {
                if (Evict(node.Value))
                {
                    unload.Add(node.Value);
                }
            }

            _entries.Clear();
            _recency.Clear();
        }

        unload.ForEach(Unload);
    }

    /// <summary>Ends one request's use of <paramref name="entry"/>; the last one after eviction disposes the model.</summary>
    internal void Release(Entry entry)
    {
        bool unload;
        lock (_lock)
        {
            entry.Users--;
            unload = entry.Users == 0 && entry.Evicted && !entry.Unloaded;
            entry.Unloaded |= unload;
        }

        if (unload)
        {
            Unload(entry);
        }
    }

    /// <summary>Marks an entry evicted (under the lock); true when nothing uses it, so the caller disposes it now.</summary>
    private static bool Evict(Entry entry)
    {
        entry.Evicted = true;
        if (entry.Users != 0 || entry.Unloaded)
        {
            return false;
        }

        entry.Unloaded = true;
        return true;
    }

    /// <summary>Drops a failed load, unless a newer entry of the version replaced it already.</summary>
    private void Forget(Entry entry)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(entry.Version, out var node) && ReferenceEquals(node.Value, entry))
            {
                _entries.Remove(entry.Version);
                _recency.Remove(node);
                entry.Evicted = true;
            }
        }
    }

    /// <summary>Disposes the model of an evicted, unused entry: now when loaded, else when its load completes.</summary>
    private static void Unload(Entry entry)
    {
        if (!entry.Loading.IsValueCreated)
        {
            return;
        }

        var loading = entry.Loading.Value;
        if (loading.IsCompleted)
        {
            DisposeLoaded(loading);
        }
        else
        {
            _ = loading.ContinueWith(DisposeLoaded, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static void DisposeLoaded(Task<IPredictionModel<TIn, TOut>> loading)
    {
        if (loading.IsCompletedSuccessfully)
        {
            loading.Result.Dispose();
        }
    }

    /// <summary>One kept version: its load and, under the cache's lock, its users and whether it was evicted or disposed.</summary>
    internal sealed class Entry(int version, Func<int, Task<IPredictionModel<TIn, TOut>>> load)
    {
        public int Version { get; } = version;

        /// <summary>Started by the first request; a load that throws at once is a faulted task, as one that fails later.</summary>
        public Lazy<Task<IPredictionModel<TIn, TOut>>> Loading { get; } = new(() => StartAsync(load, version));

        public int Users { get; set; }

        public bool Evicted { get; set; }

        public bool Unloaded { get; set; }

        private static async Task<IPredictionModel<TIn, TOut>> StartAsync(Func<int, Task<IPredictionModel<TIn, TOut>>> load, int version)
            => await load(version).ConfigureAwait(false);
    }
}

/// <summary>One request's use of a pinned version's model: dispose it when the request has finished predicting.</summary>
internal sealed class PinnedLease<TIn, TOut> : IDisposable
    where TIn : class
    where TOut : class, new()
{
    private readonly PinnedVersions<TIn, TOut> _owner;
    private readonly PinnedVersions<TIn, TOut>.Entry _entry;
    private int _released;

    internal PinnedLease(PinnedVersions<TIn, TOut> owner, PinnedVersions<TIn, TOut>.Entry entry, IPredictionModel<TIn, TOut> model)
    {
        _owner = owner;
        _entry = entry;
        Model = model;
    }

    public IPredictionModel<TIn, TOut> Model { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _owner.Release(_entry);
        }
    }
}
