using System.Diagnostics.Metrics;
using System.Globalization;
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
    private readonly string _workerId;

    /// <summary>Creates a runner.</summary>
    /// <param name="store">Where runs and leases are kept.</param>
    /// <param name="timeProvider">The clock for records, leases, retries and timeouts.</param>
    /// <param name="leaseDuration">How long the loop's lease lasts between renewals. Default: 10 minutes.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    /// <param name="services">Services handed to steps through <see cref="StepContext.Services"/>, or <see langword="null"/>.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter runs and steps are counted on; <see langword="null"/> for MlValue's shared meter.</param>
    /// <param name="workerId">The id recorded with every step attempt this runner makes (<see cref="StepAttempt.Worker"/>); <see langword="null"/> for <c>pid-</c> + the process id + a random suffix.</param>
    public LoopRunner(IRunStore store, TimeProvider timeProvider, TimeSpan? leaseDuration = null, ILogger<LoopRunner>? logger = null, IServiceProvider? services = null, IMeterFactory? meterFactory = null, string? workerId = null)
    {
        if (workerId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        }

        _workerId = workerId ?? string.Create(CultureInfo.InvariantCulture, $"pid-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _leaseDuration = leaseDuration ?? TimeSpan.FromMinutes(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_leaseDuration, TimeSpan.Zero, nameof(leaseDuration));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _services = services;
        _metrics = MlValueMeter.For(meterFactory).Runs;
    }

    /// <summary>The id recorded with every step attempt this runner makes.</summary>
    public string WorkerId => _workerId;

    /// <summary>
    /// Runs the loop for a direct call. With a <paramref name="runKey"/>: a run that succeeded (or was
    /// abandoned) under that key is returned as it is, and a failed one is resumed. Without one: the
    /// loop's latest run is resumed when it failed or stopped, otherwise a new run starts. The call is
    /// recorded in the run as a firing without a trigger name.
    /// </summary>
    /// <param name="loop">The loop.</param>
    /// <param name="reason">Why it runs (kept in the record).</param>
    /// <param name="runKey">An idempotency key, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run; the current step is recorded as failed and the run can be resumed.</param>
    /// <returns>The run record, or <see langword="null"/> when another runner holds the loop's lease.</returns>
    public Task<RunRecord?> RunAsync(LoopDefinition loop, string reason, string? runKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return RunCoreAsync(loop, new TriggerFiring { Reason = reason, FiredAt = _time.GetUtcNow() }, runKey, cancellationToken);
    }

    /// <summary>
    /// Runs the loop because a trigger fired. When the loop's latest run failed or stopped, it is resumed
    /// if its inputs are still current and superseded otherwise: the firing's
    /// <see cref="TriggerFiring.InputsKey"/> and the run's <see cref="RunRecord.InputsKey"/> both set and
    /// different mean the data changed, so the failed run is marked <see cref="RunStatus.Abandoned"/>
    /// (with the reason and the superseding run's id) and a fresh run starts; otherwise the run resumes
    /// from its failed step. The firing is recorded in the run it started or resumed.
    /// </summary>
    /// <param name="loop">The loop.</param>
    /// <param name="firing">The trigger, its reason, time and inputs key.</param>
    /// <param name="cancellationToken">Cancels the run; the current step is recorded as failed and the run can be resumed.</param>
    /// <returns>The run record, or <see langword="null"/> when another runner holds the loop's lease.</returns>
    public Task<RunRecord?> RunTriggeredAsync(LoopDefinition loop, TriggerFiring firing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(firing);
        ArgumentException.ThrowIfNullOrWhiteSpace(firing.Reason);
        return RunCoreAsync(loop, firing, runKey: null, cancellationToken);
    }

    private async Task<RunRecord?> RunCoreAsync(LoopDefinition loop, TriggerFiring firing, string? runKey, CancellationToken cancellationToken)
    {
        var holder = _workerId + "/" + Guid.NewGuid().ToString("N");
        if (!await _store.TryAcquireLeaseAsync(loop.Name, holder, _time.GetUtcNow(), _leaseDuration, cancellationToken).ConfigureAwait(false))
        {
            LogBusy(loop.Name);
            _metrics.Busy.Add(1, new KeyValuePair<string, object?>("mlvalue.loop", loop.Name));
            return null;
        }

        try
        {
            var record = await PrepareAsync(loop, firing, runKey, cancellationToken).ConfigureAwait(false);
            if (record.Status is RunStatus.Succeeded or RunStatus.Abandoned)
            {
                LogAlreadyDone(loop.Name, record.RunId, record.Status);
                return record;
            }

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

    /// <summary>
    /// Under the lease: finds the run to continue, supersedes it when the firing is for other data,
    /// or creates a new one; records the firing in the run that will execute.
    /// </summary>
    private async Task<RunRecord> PrepareAsync(LoopDefinition loop, TriggerFiring firing, string? runKey, CancellationToken cancellationToken)
    {
        var record = await FindRunToContinueAsync(loop, runKey, cancellationToken).ConfigureAwait(false);
        if (record is { Status: RunStatus.Succeeded or RunStatus.Abandoned })
        {
            return record;
        }

        if (record is not null && !InputsChanged(record, firing))
        {
            LogResuming(loop.Name, record.RunId, firing.Trigger ?? "(direct call)");
            return record with { InputsKey = record.InputsKey ?? firing.InputsKey, Triggers = [.. record.Triggers, firing] };
        }

        var fresh = await _store.CreateAsync(loop.Name, runKey, firing.Reason, [.. loop.Steps.Select(s => s.Name)], _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        fresh = fresh with { InputsKey = firing.InputsKey, Triggers = [firing] };
        await _store.SaveAsync(fresh, cancellationToken).ConfigureAwait(false);
        if (record is not null)
        {
            var why = $"superseded by {fresh.RunId}: {firing.Trigger ?? "a direct call"} fired for inputs '{firing.InputsKey}' ({firing.Reason}) but this run was for inputs '{record.InputsKey}'";
            await _store.SaveAsync(record with { Status = RunStatus.Abandoned, EndedAt = _time.GetUtcNow(), AbandonedReason = why, SupersededBy = fresh.RunId }, cancellationToken).ConfigureAwait(false);
            LogSuperseded(loop.Name, record.RunId, fresh.RunId, why);
            _metrics.Finished.Add(1, new("mlvalue.loop", loop.Name), new("mlvalue.status", "abandoned"));
        }

        return fresh;
    }

    private static bool InputsChanged(RunRecord record, TriggerFiring firing)
        => record.InputsKey is not null && firing.InputsKey is not null && !string.Equals(record.InputsKey, firing.InputsKey, StringComparison.Ordinal);

    private async Task<RunRecord?> FindRunToContinueAsync(LoopDefinition loop, string? runKey, CancellationToken cancellationToken)
    {
        if (runKey is not null)
        {
            return await _store.FindByKeyAsync(loop.Name, runKey, cancellationToken).ConfigureAwait(false);
        }

        var runs = await _store.ListAsync(loop.Name, cancellationToken).ConfigureAwait(false);
        return runs.Count > 0 && runs[^1].Status is not (RunStatus.Succeeded or RunStatus.Abandoned) ? runs[^1] : null;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Loop {Loop}: run {RunId} under this key is {Status}; nothing to do.")]
    private partial void LogAlreadyDone(string loop, string runId, RunStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loop {Loop}: resuming run {RunId} (fired by {Trigger}; its inputs are current).")]
    private partial void LogResuming(string loop, string runId, string trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loop {Loop}: run {RunId} abandoned, {NewRunId} starts instead: {Why}.")]
    private partial void LogSuperseded(string loop, string runId, string newRunId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loop {Loop}: run {RunId} failed at step {Step} after {Attempts} attempt(s).")]
    private partial void LogStepFailed(Exception exception, string loop, string runId, string step, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loop {Loop}: run {RunId} lost its lease before step {Step}; it stops here and can be resumed.")]
    private partial void LogLeaseLost(string loop, string runId, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loop {Loop}: step {Step} of run {RunId} not run: the run is {Status} or an earlier step did not succeed.")]
    private partial void LogStepNotRun(string loop, string runId, string step, RunStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loop {Loop}: run {RunId} finished with status {Status}.")]
    private partial void LogFinished(string loop, string runId, RunStatus status);
}
