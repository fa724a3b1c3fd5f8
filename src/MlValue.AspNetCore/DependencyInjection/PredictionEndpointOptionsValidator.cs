using Microsoft.Extensions.Options;

namespace MlValue.AspNetCore;

internal sealed class PredictionEndpointOptionsValidator : IValidateOptions<PredictionEndpointOptions>
{
    private const string Section = "MlValue:AspNetCore:";

    public ValidateOptionsResult Validate(string? name, PredictionEndpointOptions options)
    {
        List<string> failures = [];
        if (options.MaxRequestBodyBytes < 2)
        {
            failures.Add($"{Section}MaxRequestBodyBytes must be at least 2 (a JSON body); it is {options.MaxRequestBodyBytes}.");
        }

        if (options.MaxBatchSize < 1)
        {
            failures.Add($"{Section}MaxBatchSize must be at least 1; it is {options.MaxBatchSize}.");
        }

        if (options.RoutePrefix is null || options.RoutePrefix.Contains('{', StringComparison.Ordinal) || options.RoutePrefix.Contains('?', StringComparison.Ordinal))
        {
            failures.Add($"{Section}RoutePrefix must be a literal path such as 'api' (no route parameters or query); it is '{options.RoutePrefix}'.");
        }

        if (string.IsNullOrWhiteSpace(options.CorrelationIdHeader))
        {
            failures.Add($"{Section}CorrelationIdHeader must name a header; it is empty.");
        }

        if (string.IsNullOrWhiteSpace(options.RoutingKeyHeader))
        {
            failures.Add($"{Section}RoutingKeyHeader must name a header; it is empty.");
        }

        if (options.RetryAfterSeconds < 1)
        {
            failures.Add($"{Section}RetryAfterSeconds must be at least 1; it is {options.RetryAfterSeconds}.");
        }

        if (string.IsNullOrWhiteSpace(options.ServerName))
        {
            failures.Add($"{Section}ServerName must not be empty.");
        }

        if (options.DriftWindow <= TimeSpan.Zero)
        {
            failures.Add($"{Section}DriftWindow must be positive; it is {options.DriftWindow}.");
        }

        if (options.MaxPinnedVersions < 1)
        {
            failures.Add($"{Section}MaxPinnedVersions must be at least 1 (the versions kept loaded for the OIP version path); it is {options.MaxPinnedVersions}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
