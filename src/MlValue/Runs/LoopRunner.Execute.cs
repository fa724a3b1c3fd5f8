using Polly;
using Polly.Retry;

namespace MlValue.Runs;

public sealed partial class LoopRunner
{
    private async Task<RunRecord> ExecuteAsync(LoopDefinition loop, RunRecord record, string holder, CancellationToken cancellationToken)
    {
        record = record with { Status = RunStatus.Running, Attempts = record.Attempts + 1, EndedAt = null };
        await _store.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var steps = record.Steps.ToArray();
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

            var (step, failed) = await ExecuteStepAsync(loop.Steps[i], record, steps[i], outputs, cancellationToken).ConfigureAwait(false);
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

    private async Task<(StepRecord Step, Exception? Failure)> ExecuteStepAsync(LoopStep definition, RunRecord run, StepRecord step, Dictionary<string, string> outputs, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        step = step with { Status = RunStatus.Running, StartedAt = started, EndedAt = null, Error = null };
        await _store.SaveAsync(run with { Steps = [.. run.Steps.Select(s => s.Name == step.Name ? step : s)] }, cancellationToken).ConfigureAwait(false);
        var attempts = step.Attempts;
        StepContext? context = null;
        var timestamp = _time.GetTimestamp();
        try
        {
            var result = await BuildPipeline(definition.Resilience).ExecuteAsync(
                async token =>
                {
                    attempts++;
                    context = new StepContext(run.RunId, run.LoopName, run.Reason, attempts, outputs, _services);
                    return await definition.Execute(context, token).ConfigureAwait(false) ?? StepResult.Empty;
                },
                cancellationToken).ConfigureAwait(false);
            _metrics.StepDuration.Record(_time.GetElapsedTime(timestamp).TotalSeconds, new("mlvalue.loop", run.LoopName), new("mlvalue.step", step.Name));
            return (step with { Status = RunStatus.Succeeded, EndedAt = _time.GetUtcNow(), Attempts = attempts, Inputs = Copy(context?.Inputs), Outputs = Copy(result.Outputs) }, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var error = $"{ex.GetType().Name}: {ex.Message}";
            return (step with { Status = RunStatus.Failed, EndedAt = _time.GetUtcNow(), Attempts = attempts, Inputs = Copy(context?.Inputs), Error = error }, ex);
        }
    }

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

    private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string>? source)
        => source is null ? new(StringComparer.Ordinal) : new(source, StringComparer.Ordinal);

    private static void Merge(Dictionary<string, string> outputs, IReadOnlyDictionary<string, string> produced)
    {
        foreach (var (key, value) in produced)
        {
            outputs[key] = value;
        }
    }
}
