namespace MlValue.AspNetCore.Internal;

/// <summary>The models mapped with <c>MapPredictor</c> in this app: read by the OIP server routes and the health check.</summary>
internal sealed class MappedModels : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, IMappedModel> _models = new(StringComparer.Ordinal);
    private bool _serverRoutesMapped;

    public IReadOnlyList<IMappedModel> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _models.Values];
            }
        }
    }

    public IMappedModel? Find(string name)
    {
        lock (_lock)
        {
            return _models.GetValueOrDefault(name);
        }
    }

    public void Add(IMappedModel model)
    {
        lock (_lock)
        {
            if (!_models.TryAdd(model.Name, model))
            {
                throw new InvalidOperationException($"Model '{model.Name}' is already mapped; call MapPredictor once per model (the returned group takes the conventions of all its routes).");
            }
        }
    }

    /// <summary>True the first time: the shared routes (OIP server health and metadata, answers for unknown models) are mapped once.</summary>
    public bool FirstServerRoutes()
    {
        lock (_lock)
        {
            var first = !_serverRoutesMapped;
            _serverRoutesMapped = true;
            return first;
        }
    }

    public void Dispose()
    {
        foreach (var model in All)
        {
            model.Dispose();
        }
    }
}
