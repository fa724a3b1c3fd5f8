using Microsoft.Extensions.Options;

namespace MlValue.AspNetCore.Dashboard;

internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    private const string Section = "MlValue:Dashboard:";

    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.Title))
        {
            failures.Add($"{Section}Title must not be empty.");
        }

        if (options.WritePolicy is { } policy && string.IsNullOrWhiteSpace(policy))
        {
            failures.Add($"{Section}WritePolicy must name an authorization policy, or be left unset for a read-only page; it is blank.");
        }

        if (options.Aliases.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{Section}Aliases must not hold an empty name.");
        }

        if (options.Loops.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{Section}Loops must not hold an empty name.");
        }

        if (options.MonitorWindow <= TimeSpan.Zero)
        {
            failures.Add($"{Section}MonitorWindow must be positive; it is {options.MonitorWindow}.");
        }

        if (options.MaxWindows is < 1 or > 1000)
        {
            failures.Add($"{Section}MaxWindows must be within [1, 1000]; it is {options.MaxWindows}.");
        }

        if (options.MaxRuns is < 1 or > 10_000)
        {
            failures.Add($"{Section}MaxRuns must be within [1, 10000]; it is {options.MaxRuns}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
