using Microsoft.Extensions.Time.Testing;

namespace MlValue.Tests.Runs;

/// <summary>A fake clock that signals each time a timer is armed, so a test advances time only once a delay is waiting.</summary>
internal sealed class TimerSignalingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    public SemaphoreSlim TimerArmed { get; } = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SignalingTimer(base.CreateTimer(callback, state, dueTime, period), TimerArmed);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            TimerArmed.Release();
        }

        return timer;
    }

    public async Task AdvanceWhenArmedAsync(TimeSpan by)
    {
        Assert.IsTrue(await TimerArmed.WaitAsync(TimeSpan.FromSeconds(30)), "no timer was armed");
        Advance(by);
    }

    private sealed class SignalingTimer(ITimer inner, SemaphoreSlim armed) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                armed.Release();
            }

            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
