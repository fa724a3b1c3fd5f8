using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MlValue.Diagnostics;

namespace MlValue.Runs;

/// <summary>
/// Executes a loop: at most one run per loop at a time (a lease in the run store), every step
/// recorded, transient failures retried per step, a failed run resumed from its failed step, and a
/// run that already succeeded under the same key not run again.
/// </summary>
public sealed partial class LoopRunner
{
    private readonly IRunStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IServiceProvider? _services;
    private readonly TimeSpan _leaseDuration;
    private readonly RunMetrics _metrics;

    /// <summary>Creates a runner.</summary>
    /// <param name="store">Where runs and leases are kept.</param>
    /// <param name="timeProvider">The clock for records, leases, retries and timeouts.</param>
    /// <param name="leaseDuration">How long the loop's lease lasts between renewals. Default: 10 minutes.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    /// <param name="services">Services handed to steps through <see cref="StepContext.Services"/>, or <see langword="null"/>.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter runs and steps are counted on; <see langword="null"/> for MlValue's shared meter.</param>
    public LoopRunner(IRunStore store, TimeProvider timeProvider, TimeSpan? leaseDuration = null, ILogger<LoopRunner>? logger = null, IServiceProvider? services = null, IMeterFactory? meterFactory = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _leaseDuration = leaseDuration ?? TimeSpan.FromMinutes(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_leaseDuration, TimeSpan.Zero, nameof(leaseDuration));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _services = services;
        _metrics = MlValueMeter.For(meterFactory).Runs;
    }

    /// <summary>
    /// Runs the loop. With a <paramref name="runKey"/>: a run that succeeded under that key is returned
    /// as it is, and a failed one is resumed. Without one: the loop's latest run is resumed when it did
    /// not succeed, otherwise a new run starts.
    /// </summary>
    /// <param name="loop">The loop.</param>
    /// <param name="reason">Why it runs (kept in the record).</param>
    /// <param name="runKey">An idempotency key, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run; the current step is recorded as failed and the run can be resumed.</param>
    /// <returns>The run record, or <see langword="null"/> when another runner holds the loop's lease.</returns>
    public async Task<RunRecord?> RunAsync(LoopDefinition loop, string reason, string? runKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var holder = Guid.NewGuid().ToString("N");
        if (!await _store.TryAcquireLeaseAsync(loop.Name, holder, _time.GetUtcNow(), _leaseDuration, cancellationToken).ConfigureAwait(false))
        {
            LogBusy(loop.Name);
            _metrics.Busy.Add(1, new KeyValuePair<string, object?>("mlvalue.loop", loop.Name));
            return null;
        }

        try
        {
            var record = await FindRunToContinueAsync(loop, runKey, cancellationToken).ConfigureAwait(false);
            if (record is { Status: RunStatus.Succeeded })
            {
                LogAlreadyDone(loop.Name, record.RunId);
                return record;
            }

            record ??= await _store.CreateAsync(loop.Name, runKey, reason, [.. loop.Steps.Select(s => s.Name)], _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            CheckSameSteps(loop, record);
            using var activity = MlValueTelemetry.ActivitySource.StartActivity("mlvalue.run");
            activity?.SetTag("mlvalue.loop", loop.Name);
            activity?.SetTag("mlvalue.run_id", record.RunId);
            return await ExecuteAsync(loop, record, holder, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _store.ReleaseLeaseAsync(loop.Name, holder, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<RunRecord?> FindRunToContinueAsync(LoopDefinition loop, string? runKey, CancellationToken cancellationToken)
    {
        if (runKey is not null)
        {
            return await _store.FindByKeyAsync(loop.Name, runKey, cancellationToken).ConfigureAwait(false);
        }

        var runs = await _store.ListAsync(loop.Name, cancellationToken).ConfigureAwait(false);
        return runs.Count > 0 && runs[^1].Status is not RunStatus.Succeeded ? runs[^1] : null;
    }

    private static void CheckSameSteps(LoopDefinition loop, RunRecord record)
    {
        if (!record.Steps.Select(s => s.Name).SequenceEqual(loop.Steps.Select(s => s.Name)))
        {
            throw new LoopDefinitionException($"Run {record.RunId} of loop '{loop.Name}' was recorded with steps [{string.Join(", ", record.Steps.Select(s => s.Name))}] but the loop now has [{string.Join(", ", loop.Steps.Select(s => s.Name))}]; resume it with the definition it started with, or start a new run with a new run key.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loop {Loop}: another runner holds the lease; this run is skipped.")]
    private partial void LogBusy(string loop);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loop {Loop}: run {RunId} already succeeded under this key; nothing to do.")]
    private partial void LogAlreadyDone(string loop, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loop {Loop}: run {RunId} failed at step {Step} after {Attempts} attempt(s).")]
    private partial void LogStepFailed(Exception exception, string loop, string runId, string step, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loop {Loop}: run {RunId} lost its lease before step {Step}; it stops here and can be resumed.")]
    private partial void LogLeaseLost(string loop, string runId, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loop {Loop}: run {RunId} finished with status {Status}.")]
    private partial void LogFinished(string loop, string runId, RunStatus status);
}
