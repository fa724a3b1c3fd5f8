using Microsoft.Extensions.Options;

namespace MlValue.Registry;

internal sealed class ModelRegistryOptionsValidator : IValidateOptions<ModelRegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelRegistryOptions options)
    {
        var failures = new List<string>();
        if (options.RootDirectory is not null && (options.RootDirectory.Trim().Length == 0 || options.RootDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            failures.Add($"MlValue:Registry:RootDirectory '{options.RootDirectory}' must name a folder (or be left unset for <MlValue:RootDirectory>/registry).");
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"MlValue:Registry:BusyTimeout must be between 00:00:00 and 00:10:00; it is {options.BusyTimeout}.");
        }

        if (options.MaxBusyRetries is < 0 or > 100)
        {
            failures.Add($"MlValue:Registry:MaxBusyRetries must be between 0 and 100; it is {options.MaxBusyRetries}.");
        }

        if (options.TempFileGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"MlValue:Registry:TempFileGracePeriod must not be negative; it is {options.TempFileGracePeriod}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
