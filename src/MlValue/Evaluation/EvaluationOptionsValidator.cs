using System.Globalization;
using Microsoft.Extensions.Options;

namespace MlValue.Evaluation;

internal sealed class EvaluationOptionsValidator : IValidateOptions<EvaluationOptions>
{
    private const string Section = "MlValue:Evaluation";

    public ValidateOptionsResult Validate(string? name, EvaluationOptions options)
    {
        var failures = new List<string>();
        Range(failures, nameof(options.MinSliceSize), options.MinSliceSize, 1, int.MaxValue);
        Range(failures, nameof(options.WorstErrorCount), options.WorstErrorCount, 0, 1000);
        Range(failures, nameof(options.MaxInputLength), options.MaxInputLength, 10, 10_000);
        Range(failures, nameof(options.CalibrationBins), options.CalibrationBins, 2, 100);
        Range(failures, nameof(options.RocPoints), options.RocPoints, 2, 10_000);
        if (options.Policy is null)
        {
            failures.Add($"{Section}:Policy must not be null; remove the setting to use the default policy.");
        }
        else
        {
            failures.AddRange(options.Policy.Validate($"{Section}:Policy"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{setting} must be between {min} and {max}; it is {value}."));
        }
    }
}
