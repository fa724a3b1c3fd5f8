namespace MlValue.Serving;

/// <summary>Change detection: ask the registry where each alias points, load the new version fully, then swap.</summary>
internal sealed partial class Predictor<TInput, TOutput>
{
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RefreshSlotsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (!_primary.IsLoaded)
        {
            throw NotReady(null);
        }
    }

    /// <summary>Timer tick: refresh unless a refresh is already running.</summary>
    private void OnTimer()
    {
        if (_disposed || !_refreshGate.Wait(0))
        {
            return;
        }

        PendingRefresh = RefreshFromTimerAsync();
    }

    private async Task RefreshFromTimerAsync()
    {
        try
        {
            await RefreshSlotsAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task RefreshSlotsAsync(CancellationToken cancellationToken)
    {
        await RefreshSlotAsync(_primary, cancellationToken).ConfigureAwait(false);
        if (_canary is not null)
        {
            await RefreshSlotAsync(_canary, cancellationToken).ConfigureAwait(false);
        }

        if (_shadow is not null)
        {
            await RefreshSlotAsync(_shadow, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RefreshSlotAsync(ModelSlot<TInput, TOutput> slot, CancellationToken cancellationToken)
    {
        var from = slot.CurrentVersion;
        int? to = null;
        try
        {
            var target = await _registry.GetByAliasAsync(ModelName, slot.Alias, cancellationToken).ConfigureAwait(false);
            if (target is null || target.Version == from || _disposed)
            {
                return;
            }

            to = target.Version;
            var artifact = await _registry.LoadArtifactAsync(ModelName, target.Version, cancellationToken).ConfigureAwait(false);
            var model = _formats.Load<TInput, TOutput>(ModelName, target.Version, artifact);
            var loaded = new LoadedModel<TInput, TOutput>(ModelName, target.Version, slot.Arm, model, _time.GetUtcNow());
            slot.Swap(loaded);
            if (_disposed)
            {
                slot.Clear();
            }

            var change = Record(slot, from, to, error: null);
            _telemetry.Swaps.Add(1, loaded.Tags);
            ServingLog.Swapped(_logger, ModelName, slot.Alias, ServingTelemetry.ArmName(slot.Arm), target.Version, from);
            await NotifyAsync(change, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any load failure keeps the previous version serving; it is logged and counted.
        catch (Exception error)
#pragma warning restore CA1031
        {
            Record(slot, from, to, error);
            _telemetry.SwapFailures.Add(1, [new("mlvalue.model.name", ModelName), new("mlvalue.alias", slot.Alias), new("mlvalue.arm", ServingTelemetry.ArmName(slot.Arm))]);
            ServingLog.SwapFailed(_logger, error, ModelName, slot.Alias, ServingTelemetry.ArmName(slot.Arm), to, from);
        }
    }

    private ServingEvent Record(ModelSlot<TInput, TOutput> slot, int? from, int? to, Exception? error)
    {
        var change = new ServingEvent
        {
            Timestamp = _time.GetUtcNow(),
            Arm = slot.Arm,
            Alias = slot.Alias,
            FromVersion = from,
            ToVersion = to,
            Succeeded = error is null,
            Error = error is null ? string.Empty : $"{error.GetType().Name}: {error.Message}",
        };
        _status.Record(change);
        return change;
    }

    /// <summary>Tells every observer about a successful swap; an observer that throws is logged and counted, and the swap stands.</summary>
    private async Task NotifyAsync(ServingEvent change, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers ?? [])
        {
            try
            {
                await observer.OnServingChangedAsync(change, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // An observer must never undo a swap; its error is logged and counted.
            catch (Exception error)
#pragma warning restore CA1031
            {
                _telemetry.ObserverFailures.Add(1, new KeyValuePair<string, object?>("mlvalue.model.name", ModelName));
                ServingLog.ObserverSwapFailed(_logger, error, ModelName, change.ToVersion);
            }
        }
    }
}
