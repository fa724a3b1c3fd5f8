using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MlValue.Runs;

/// <summary>Runs the loop triggers in-process on the generic host, every <see cref="RunOptions.CheckInterval"/>.</summary>
internal sealed class LoopSchedulerService : BackgroundService
{
    private readonly LoopScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    public LoopSchedulerService(LoopScheduler scheduler, TimeProvider timeProvider, IOptions<RunOptions> options)
    {
        _scheduler = scheduler;
        _time = timeProvider;
        _interval = options.Value.CheckInterval;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        do
        {
            await _scheduler.CheckAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
