using Microsoft.Extensions.Options;

namespace MlValue.DependencyInjection;

internal sealed class MlValueOptionsValidator : IValidateOptions<MlValueOptions>
{
    public ValidateOptionsResult Validate(string? name, MlValueOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RootDirectory))
        {
            return ValidateOptionsResult.Fail("MlValue:RootDirectory must name a folder for the embedded stores; it is empty.");
        }

        if (options.RootDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return ValidateOptionsResult.Fail($"MlValue:RootDirectory '{options.RootDirectory}' contains characters that are not valid in a path.");
        }

        return ValidateOptionsResult.Success;
    }
}
