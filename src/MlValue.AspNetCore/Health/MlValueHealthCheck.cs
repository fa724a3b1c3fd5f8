using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MlValue.AspNetCore.Internal;
using MlValue.Monitoring;
using MlValue.Serving;

namespace MlValue.AspNetCore.Health;

/// <summary>
/// Healthy when every mapped predictor serves a loaded version of its primary alias; unhealthy, naming the models and
/// why, when one does not; degraded when a model's monitor reports drift in its latest complete window.
/// </summary>
internal sealed class MlValueHealthCheck(MappedModels models, IOptions<PredictionEndpointOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var all = models.All;
        if (all.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No predictor is mapped: call app.MapPredictor<TIn, TOut>(name) for each served model."));
        }

        List<string> unloaded = [];
        List<string> drifted = [];
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var model in all)
        {
            var status = model.GetStatus();
            var primary = status.Slots.First(s => s.Arm == ServingArm.Primary);
            data[model.Name] = primary.Version is { } served ? served.ToString(CultureInfo.InvariantCulture) : "none";
            if (primary.Version is null)
            {
                var failure = status.Events.LastOrDefault(e => e.Arm == ServingArm.Primary && !e.Succeeded);
                unloaded.Add($"model '{model.Name}' has no loaded version of alias '{primary.Alias}' yet" + (failure is null ? " (the alias is not set, or the first load has not finished)" : $" (last load failed: {failure.Error})"));
                continue;
            }

            if (model.LatestCompleteWindow(options.Value.DriftWindow, now) is { HasDrift: true } window)
            {
                var features = window.Features.Append(window.Prediction).Where(f => f.Verdict == DriftVerdict.Drift).Select(f => $"{f.Feature} ({f.Reason})");
                drifted.Add($"model '{model.Name}' version {primary.Version}: drift in the window {Time(window.Start)} to {Time(window.End)}: {string.Join("; ", features)}");
            }
        }

        var result = unloaded.Count > 0
            ? new HealthCheckResult(context.Registration.FailureStatus, "Not ready: " + string.Join("; ", unloaded) + ".", data: data)
            : drifted.Count > 0
                ? HealthCheckResult.Degraded("Serving, with drift: " + string.Join("; ", drifted) + ".", data: data)
                : HealthCheckResult.Healthy($"Serving {string.Join(", ", all.Select(m => $"'{m.Name}' version {data[m.Name]}"))}.", data);
        return Task.FromResult(result);
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
