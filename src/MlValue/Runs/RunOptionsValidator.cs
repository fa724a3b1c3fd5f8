using Microsoft.Extensions.Options;

namespace MlValue.Runs;

internal sealed class RunOptionsValidator : IValidateOptions<RunOptions>
{
    public ValidateOptionsResult Validate(string? name, RunOptions options)
    {
        var errors = new List<string>();
        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            errors.Add($"MlValue:Runs:LeaseDuration must be positive (it is {options.LeaseDuration}); for example 00:10:00.");
        }

        if (options.CheckInterval <= TimeSpan.Zero)
        {
            errors.Add($"MlValue:Runs:CheckInterval must be positive (it is {options.CheckInterval}); for example 00:01:00.");
        }

        if (options.DatabasePath is { } path && (path.Length == 0 || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            errors.Add($"MlValue:Runs:DatabasePath '{path}' is not a valid file path; leave it unset to use <RootDirectory>/runs/runs.db.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
