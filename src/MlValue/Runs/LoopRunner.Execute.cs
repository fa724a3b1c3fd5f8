using System.Globalization;
using Polly;
using Polly.Retry;

namespace MlValue.Runs;

public sealed partial class LoopRunner
{
    private async Task<RunRecord> ExecuteAsync(LoopDefinition loop, RunRecord record, string holder, CancellationToken cancellationToken)
    {
        var steps = record.Steps.Select(CloseInterruptedAttempts).ToArray();
        record = record with { Status = RunStatus.Running, Attempts = record.Attempts + 1, EndedAt = null, Steps = [.. steps] };
        await _store.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        var outputs = new Dictionary<string, StepReference>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i].Status is RunStatus.Succeeded or RunStatus.Skipped)
            {
                steps[i] = steps[i] with { Status = RunStatus.Skipped };
                Merge(outputs, steps[i].Outputs);
                continue;
            }

            if (!await _store.TryAcquireLeaseAsync(loop.Name, holder, _time.GetUtcNow(), _leaseDuration, cancellationToken).ConfigureAwait(false))
            {
                LogLeaseLost(loop.Name, record.RunId, steps[i].Name);
                return record;
            }

            var index = i;
            var current = record;
            var (step, failed) = await RunAttemptsAsync(
                loop.Steps[i],
                record,
                steps[i],
                outputs,
                jobId: null,
                (s, token) => _store.SaveAsync(current with { Steps = [.. steps.Select((x, j) => j == index ? s : x)] }, token),
                cancellationToken).ConfigureAwait(false);
            steps[i] = step;
            var failedRun = failed is not null;
            record = record with
            {
                Steps = [.. steps],
                Status = failedRun ? RunStatus.Failed : RunStatus.Running,
                EndedAt = failedRun ? _time.GetUtcNow() : null,
            };
            await _store.SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
            if (failed is not null)
            {
                LogStepFailed(failed, loop.Name, record.RunId, step.Name, step.Attempts);
                _metrics.Finished.Add(1, new("mlvalue.loop", loop.Name), new("mlvalue.status", "failed"));
                cancellationToken.ThrowIfCancellationRequested();
                return record;
            }

            Merge(outputs, step.Outputs);
        }

        record = record with { Steps = [.. steps], Status = RunStatus.Succeeded, EndedAt = _time.GetUtcNow() };
        await _store.SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
        _metrics.Finished.Add(1, new("mlvalue.loop", loop.Name), new("mlvalue.status", "succeeded"));
        LogFinished(loop.Name, record.RunId, record.Status);
        return record;
    }

    // An attempt that never ended was cut short by its worker's death (or a lost lease): say so, keep it.
    private static StepRecord CloseInterruptedAttempts(StepRecord step)
        => step.AttemptLog.Any(a => a.EndedAt is null && a.Error is null)
            ? step with
            {
                AttemptLog = [.. step.AttemptLog.Select(a => a.EndedAt is null && a.Error is null
                    ? a with { Error = $"interrupted: worker {a.Worker} stopped before the attempt ended" }
                    : a)],
                Error = step.Status == RunStatus.Running ? $"interrupted: worker {step.AttemptLog[^1].Worker} stopped before the attempt ended" : step.Error,
            }
            : step;

    private async Task<(StepRecord Step, Exception? Failure)> RunAttemptsAsync(
        LoopStep definition,
        RunRecord run,
        StepRecord step,
        Dictionary<string, StepReference> outputs,
        string? jobId,
        Func<StepRecord, CancellationToken, Task> persist,
        CancellationToken cancellationToken)
    {
        step = step with { Status = RunStatus.Running, StartedAt = _time.GetUtcNow(), EndedAt = null };
        var log = new List<StepAttempt>(step.AttemptLog);
        var attempts = step.Attempts;
        StepContext? context = null;
        var timestamp = _time.GetTimestamp();
        try
        {
            var result = await BuildPipeline(definition.Resilience).ExecuteAsync(
                async token =>
                {
                    attempts++;
                    var attempt = new StepAttempt { Number = attempts, Worker = _workerId, StartedAt = _time.GetUtcNow(), JobId = jobId };
                    log.Add(attempt);

                    // The attempt is recorded before it runs, so a worker that dies mid-attempt leaves it in the record.
                    await persist(step with { Attempts = attempts, AttemptLog = [.. log] }, token).ConfigureAwait(false);
                    context = new StepContext(run.RunId, run.LoopName, step.Name, run.Reason, attempts, outputs, _services);
                    try
                    {
                        var produced = await definition.Execute(context, token).ConfigureAwait(false) ?? StepResult.Empty;
                        log[^1] = attempt with { EndedAt = _time.GetUtcNow() };
                        return produced;
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        var timedOut = ex is OperationCanceledException && token.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
                        log[^1] = attempt with
                        {
                            EndedAt = _time.GetUtcNow(),
                            Error = timedOut ? string.Create(CultureInfo.InvariantCulture, $"timed out after {definition.Resilience.AttemptTimeout} (AttemptTimeout)") : Describe(ex),
                        };
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
            _metrics.StepDuration.Record(_time.GetElapsedTime(timestamp).TotalSeconds, new("mlvalue.loop", run.LoopName), new("mlvalue.step", step.Name));
            return (step with { Status = RunStatus.Succeeded, EndedAt = _time.GetUtcNow(), Attempts = attempts, AttemptLog = [.. log], Inputs = Copy(context?.Inputs), Outputs = Copy(result.Outputs), Error = null }, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (step with { Status = RunStatus.Failed, EndedAt = _time.GetUtcNow(), Attempts = attempts, AttemptLog = [.. log], Inputs = Copy(context?.Inputs), Error = Describe(ex) }, ex);
        }
    }

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";

    private ResiliencePipeline BuildPipeline(StepResilienceOptions options)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    private static Dictionary<string, StepReference> Copy(IReadOnlyDictionary<string, StepReference>? source)
        => source is null ? new(StringComparer.Ordinal) : new(source, StringComparer.Ordinal);

    private static void Merge(Dictionary<string, StepReference> outputs, IReadOnlyDictionary<string, StepReference> produced)
    {
        foreach (var (key, value) in produced)
        {
            outputs[key] = value;
        }
    }
}
