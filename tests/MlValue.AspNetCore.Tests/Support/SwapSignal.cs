using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Tests.Support;

/// <summary>An observer of the predictor that completes a task when the primary arm swaps in a given version.</summary>
public sealed class SwapSignal : IPredictionObserver<SpamInput, BinaryPrediction>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, TaskCompletionSource> _swapped = [];

    /// <summary>Completes once the primary arm serves <paramref name="version"/> after a swap (at once if it already swapped to it).</summary>
    public Task SwappedToAsync(int version)
    {
        lock (_lock)
        {
            return Signal(version).Task;
        }
    }

    public void OnPrediction(in PredictionEvent<SpamInput, BinaryPrediction> prediction)
    {
    }

    public ValueTask OnServingChangedAsync(ServingEvent change, CancellationToken cancellationToken)
    {
        if (change.Arm == ServingArm.Primary && change.ToVersion is { } version)
        {
            lock (_lock)
            {
                Signal(version).TrySetResult();
            }
        }

        return ValueTask.CompletedTask;
    }

    private TaskCompletionSource Signal(int version)
    {
        if (!_swapped.TryGetValue(version, out var signal))
        {
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _swapped.Add(version, signal);
        }

        return signal;
    }
}
