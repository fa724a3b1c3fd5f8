using System.Text.Json;
using MlValue.AspNetCore.Http;
using MlValue.AspNetCore.OpenInference;
using MlValue.Monitoring;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.AspNetCore.Internal;

/// <summary>
/// One mapped model: its predictor (the alias), the versions loaded on request through the registry and the model
/// formats (the most recently used <see cref="PredictionEndpointOptions.MaxPinnedVersions"/> kept), its tensor schema,
/// its input reader and its monitor.
/// </summary>
internal sealed class MappedModel<TIn, TOut> : IMappedModel
    where TIn : class
    where TOut : class, new()
{
    private readonly PinnedVersions<TIn, TOut> _pinned;
    private readonly Lazy<IModelMonitor<TIn>?> _monitor;

    public MappedModel(string name, IPredictor<TIn, TOut> predictor, IModelRegistry registry, ModelFormatRegistry formats, JsonSerializerOptions json, Func<IModelMonitor<TIn>?> monitor, int maxPinnedVersions)
    {
        _pinned = new PinnedVersions<TIn, TOut>(maxPinnedVersions, LoadAsync);
        Name = name;
        Predictor = predictor;
        Registry = registry;
        Formats = formats;
        Json = json;
        Schema = TensorSchema.For(typeof(TIn), typeof(TOut), json);
        Reader = new TypedInputReader<TIn>(Schema, json);
        _monitor = new Lazy<IModelMonitor<TIn>?>(monitor);
        if (typeof(TIn).GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"The input type '{typeof(TIn).Name}' of model '{name}' needs a public parameterless constructor for the OIP route, which builds one record per row of the input tensors.");
        }
    }

    public string Name { get; }

    public IPredictor<TIn, TOut> Predictor { get; }

    public IModelRegistry Registry { get; }

    public ModelFormatRegistry Formats { get; }

    public JsonSerializerOptions Json { get; }

    public TensorSchema Schema { get; }

    public TypedInputReader<TIn> Reader { get; }

    public IModelMonitor<TIn>? Monitor => _monitor.Value;

    public ServingStatus GetStatus() => Predictor.GetStatus();

    public bool IsVersionLoaded(int version) => _pinned.IsLoaded(version);

    public bool HasMonitor => Monitor is not null;

    public IReadOnlyList<MonitorWindow> MonitorWindows(WindowSpec spec) => Monitor?.GetWindows(spec) ?? [];

    public MonitorWindow? LatestCompleteWindow(TimeSpan size, DateTimeOffset now)
    {
        if (Monitor is not { } monitor)
        {
            return null;
        }

        var windows = monitor.GetWindows(WindowSpec.Tumbling(size));
        for (var i = windows.Count - 1; i >= 0; i--)
        {
            if (windows[i].End <= now)
            {
                return windows[i];
            }
        }

        return null;
    }

    /// <summary>
    /// A lease on the model of a registered version, loaded on first request (artifact verified by the registry, built by
    /// its format) and kept among the most recently used; dispose the lease once the request has finished predicting.
    /// </summary>
    /// <exception cref="RequestRejectedException">The version is not registered (404).</exception>
    public async Task<PinnedLease<TIn, TOut>> AcquireVersionAsync(int version, CancellationToken cancellationToken)
    {
        if (!_pinned.Contains(version))
        {
            // Checked before the version takes a place: requests for unknown versions evict nothing.
            _ = await Registry.GetVersionAsync(Name, version, cancellationToken).ConfigureAwait(false)
                ?? throw RequestRejectedException.NotFound("Unknown model version", $"Model '{Name}' has no version {version}. GET the model metadata for the registered versions.");
        }

        return await _pinned.AcquireAsync(version, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _pinned.Dispose();

    /// <summary>Shared by every request for the version, so no request's cancellation stops it.</summary>
    private async Task<IPredictionModel<TIn, TOut>> LoadAsync(int version)
    {
        var artifact = await Registry.LoadArtifactAsync(Name, version, CancellationToken.None).ConfigureAwait(false);
        return Formats.Load<TIn, TOut>(artifact);
    }
}
