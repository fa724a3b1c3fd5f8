using Microsoft.Extensions.Logging;
using MlValue.Diagnostics;
using MlValue.Registry;

namespace MlValue.Serving;

/// <summary>
/// The default <see cref="IPredictor{TInput, TOutput}"/>: one <see cref="ModelSlot{TInput, TOutput}"/>
/// per arm, refreshed from the registry by a <see cref="TimeProvider"/> timer and on demand.
/// </summary>
internal sealed partial class Predictor<TInput, TOutput> : IPredictor<TInput, TOutput>, IDisposable
    where TInput : class
    where TOutput : class, new()
{
    private readonly IModelRegistry _registry;
    private readonly ModelFormatResolver _formats;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ServingTelemetry _telemetry;
    private readonly ModelSlot<TInput, TOutput> _primary;
    private readonly ModelSlot<TInput, TOutput>? _shadow;
    private readonly ModelSlot<TInput, TOutput>? _canary;
    private readonly CanaryRouter? _router;
    private readonly IPredictionObserver<TInput, TOutput>[]? _observers;
    private readonly IPredictionComparer<TOutput> _comparer;
    private readonly double _tolerance;
    private readonly ServingStatusRecorder _status = new();
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly ITimer? _timer;
    private volatile bool _disposed;

    public Predictor(
        string modelName,
        ServingOptions options,
        IModelRegistry registry,
        ModelFormatResolver formats,
        TimeProvider timeProvider,
        ILogger logger,
        IReadOnlyList<IPredictionObserver<TInput, TOutput>> observers,
        IPredictionComparer<TOutput> comparer,
        MlValueMeter? meter = null)
    {
        ModelName = modelName;
        _registry = registry;
        _formats = formats;
        _time = timeProvider;
        _logger = logger;
        _telemetry = (meter ?? MlValueMeter.Shared).Serving;
        _primary = new ModelSlot<TInput, TOutput>(ServingArm.Primary, options.Alias);
        _shadow = options.ShadowAlias is { } shadow ? new ModelSlot<TInput, TOutput>(ServingArm.Shadow, shadow) : null;
        if (options.CanaryAlias is { } canary && options.CanaryShare > 0)
        {
            _canary = new ModelSlot<TInput, TOutput>(ServingArm.Canary, canary);
            _router = new CanaryRouter(modelName, options.CanaryShare);
        }

        _observers = observers.Count == 0 ? null : [.. observers];
        _comparer = comparer;
        _tolerance = options.DisagreementTolerance;
        if (options.PollInterval > TimeSpan.Zero)
        {
            _timer = timeProvider.CreateTimer(static state => ((Predictor<TInput, TOutput>)state!).OnTimer(), this, options.PollInterval, options.PollInterval);
        }

        OnTimer();
    }

    public string ModelName { get; }

    /// <summary>The refresh started by the timer or the constructor, for tests to await.</summary>
    internal Task PendingRefresh { get; private set; } = Task.CompletedTask;

    public ServingStatus GetStatus()
    {
        List<ServingSlotStatus> slots = [_primary.GetStatus()];
        if (_canary is not null)
        {
            slots.Add(_canary.GetStatus());
        }

        if (_shadow is not null)
        {
            slots.Add(_shadow.GetStatus());
        }

        return _status.Snapshot(ModelName, slots);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _timer?.Dispose();
        _primary.Clear();
        _shadow?.Clear();
        _canary?.Clear();
    }
}
