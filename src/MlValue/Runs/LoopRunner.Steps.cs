namespace MlValue.Runs;

public sealed partial class LoopRunner
{
    /// <summary>
    /// Starts or resumes a run for a job runner that executes its steps one at a time, possibly on other
    /// processes (<see cref="ExecuteStepAsync"/>): takes the loop's lease for <paramref name="holder"/> and keeps
    /// it (the run's last step, or its failure, gives it back), applies the same resume-or-supersede rule as
    /// <see cref="RunTriggeredAsync"/>, marks the steps that succeeded before as skipped and the run as running,
    /// and saves it.
    /// </summary>
    /// <param name="loop">The loop.</param>
    /// <param name="firing">The trigger firing (or direct call) that starts it.</param>
    /// <param name="holder">The lease holder every step of this run renews the lease with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The running record, or <see langword="null"/> when another run holds the loop's lease.</returns>
    public async Task<RunRecord?> BeginAsync(LoopDefinition loop, TriggerFiring firing, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(firing);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        if (!await _store.TryAcquireLeaseAsync(loop.Name, holder, _time.GetUtcNow(), _leaseDuration, cancellationToken).ConfigureAwait(false))
        {
            LogBusy(loop.Name);
            _metrics.Busy.Add(1, new KeyValuePair<string, object?>("mlvalue.loop", loop.Name));
            return null;
        }

        try
        {
            var record = await PrepareAsync(loop, firing, runKey: null, cancellationToken).ConfigureAwait(false);
            CheckSameSteps(loop, record);
            record = record with
            {
                Status = RunStatus.Running,
                Attempts = record.Attempts + 1,
                EndedAt = null,
                Steps = [.. record.Steps.Select(s => s.Status is RunStatus.Succeeded or RunStatus.Skipped ? s with { Status = RunStatus.Skipped } : CloseInterruptedAttempts(s))],
            };
            await _store.SaveAsync(record, cancellationToken).ConfigureAwait(false);
            return record;
        }
        catch
        {
            await _store.ReleaseLeaseAsync(loop.Name, holder, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Executes one step of a run started with <see cref="BeginAsync"/>, on any process: renews the lease, and
    /// when the run still runs and the steps before succeeded, runs the step (an attempt left open by a worker
    /// that died is marked interrupted first) with its retries and records it. The run fails with the step, or
    /// succeeds with its last step; either gives the lease back. Executing a step that already succeeded (a job
    /// re-run after its worker died between saving the step and finishing the job) does nothing.
    /// </summary>
    /// <param name="loop">The loop.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="stepName">The step's name.</param>
    /// <param name="holder">The lease holder given to <see cref="BeginAsync"/>.</param>
    /// <param name="jobId">The id of the job executing the step, recorded with its attempts, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the step; it is recorded as failed and the run can be resumed.</param>
    /// <returns>The run record after the step.</returns>
    /// <exception cref="RunStoreException">The run does not exist.</exception>
    /// <exception cref="LoopDefinitionException">The loop has no such step.</exception>
    public async Task<RunRecord> ExecuteStepAsync(LoopDefinition loop, string runId, string stepName, string holder, string? jobId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var index = IndexOf(loop, stepName);
        var runs = await _store.ListAsync(loop.Name, cancellationToken).ConfigureAwait(false);
        var record = runs.FirstOrDefault(r => r.RunId == runId)
            ?? throw new RunStoreException($"Run {runId} of loop '{loop.Name}' is not in the run store, so its step '{stepName}' cannot run; check that every worker uses the same run store.");
        CheckSameSteps(loop, record);
        if (record.Status != RunStatus.Running || record.Steps.Take(index).Any(s => s.Status is not (RunStatus.Succeeded or RunStatus.Skipped)))
        {
            LogStepNotRun(loop.Name, runId, stepName, record.Status);
            return record;
        }

        if (!await _store.TryAcquireLeaseAsync(loop.Name, holder, _time.GetUtcNow(), _leaseDuration, cancellationToken).ConfigureAwait(false))
        {
            LogLeaseLost(loop.Name, runId, stepName);
            return record;
        }

        var steps = record.Steps.ToArray();
        if (steps[index].Status is not (RunStatus.Succeeded or RunStatus.Skipped))
        {
            steps[index] = CloseInterruptedAttempts(steps[index]);
            var outputs = new Dictionary<string, StepReference>(StringComparer.Ordinal);
            foreach (var before in steps.Take(index))
            {
                Merge(outputs, before.Outputs);
            }

            var current = record with { Steps = [.. steps] };
            var (step, failed) = await RunAttemptsAsync(
                loop.Steps[index],
                current,
                steps[index],
                outputs,
                jobId,
                (s, token) => _store.SaveAsync(current with { Steps = [.. steps.Select((x, j) => j == index ? s : x)] }, token),
                cancellationToken).ConfigureAwait(false);
            steps[index] = step;
            if (failed is not null)
            {
                record = record with { Steps = [.. steps], Status = RunStatus.Failed, EndedAt = _time.GetUtcNow() };
                await _store.SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
                await _store.ReleaseLeaseAsync(loop.Name, holder, CancellationToken.None).ConfigureAwait(false);
                LogStepFailed(failed, loop.Name, record.RunId, step.Name, step.Attempts);
                _metrics.Finished.Add(1, new("mlvalue.loop", loop.Name), new("mlvalue.status", "failed"));
                return record;
            }
        }

        var last = index == steps.Length - 1;
        record = record with { Steps = [.. steps], Status = last ? RunStatus.Succeeded : RunStatus.Running, EndedAt = last ? _time.GetUtcNow() : null };
        await _store.SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
        if (last)
        {
            await _store.ReleaseLeaseAsync(loop.Name, holder, CancellationToken.None).ConfigureAwait(false);
            _metrics.Finished.Add(1, new("mlvalue.loop", loop.Name), new("mlvalue.status", "succeeded"));
            LogFinished(loop.Name, record.RunId, record.Status);
        }

        return record;
    }

    private static int IndexOf(LoopDefinition loop, string stepName)
    {
        for (var i = 0; i < loop.Steps.Count; i++)
        {
            if (loop.Steps[i].Name == stepName)
            {
                return i;
            }
        }

        throw new LoopDefinitionException($"Loop '{loop.Name}' has no step '{stepName}' (steps: {string.Join(", ", loop.Steps.Select(s => s.Name))}); the job was enqueued by another version of the loop definition. Deploy the same definition to every worker.");
    }
}
