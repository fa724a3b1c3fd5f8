using Microsoft.Extensions.Options;

namespace MlValue.Annotation;

internal sealed class AnnotationOptionsValidator : IValidateOptions<AnnotationOptions>
{
    public ValidateOptionsResult Validate(string? name, AnnotationOptions options)
    {
        var failures = new List<string>();
        if (options.RootDirectory is { } root && (string.IsNullOrWhiteSpace(root) || root.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            failures.Add($"MlValue:Annotation:RootDirectory '{root}' must name a folder (or be left unset for <MlValue:RootDirectory>/annotation).");
        }

        if (double.IsNaN(options.ModelConfidenceThreshold) || options.ModelConfidenceThreshold is < 0 or > 1)
        {
            failures.Add($"MlValue:Annotation:ModelConfidenceThreshold must be in [0, 1]; it is {options.ModelConfidenceThreshold}.");
        }

        if (!Enum.IsDefined(options.TieBreak))
        {
            failures.Add($"MlValue:Annotation:TieBreak '{options.TieBreak}' is not Abstain or HighestConfidence.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
