using System.Globalization;
using Microsoft.Extensions.Options;

namespace MlValue.Cleaning;

internal sealed class CleaningOptionsValidator : IValidateOptions<CleaningOptions>
{
    public ValidateOptionsResult Validate(string? name, CleaningOptions options)
    {
        var failures = new List<string>();
        if (options.MaxCategories < 1)
        {
            failures.Add(Fail(nameof(options.MaxCategories), options.MaxCategories, "must be at least 1 (default 20)"));
        }

        Share(failures, nameof(options.UnseenCategoryTolerance), options.UnseenCategoryTolerance, "0.01");
        Share(failures, nameof(options.OutOfRangeTolerance), options.OutOfRangeTolerance, "0.01");
        Share(failures, nameof(options.NullRateTolerance), options.NullRateTolerance, "0.05");
        Share(failures, nameof(options.TypeMismatchTolerance), options.TypeMismatchTolerance, "0");
        Share(failures, nameof(options.ErrorShare), options.ErrorShare, "0.25");
        Share(failures, nameof(options.CategoryShareTolerance), options.CategoryShareTolerance, "0.1");
        Share(failures, nameof(options.CategorySharePValue), options.CategorySharePValue, "0.001");
        if (options.MaxExamples is < 0 or > 100)
        {
            failures.Add(Fail(nameof(options.MaxExamples), options.MaxExamples, "must be between 0 and 100 (default 5)"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws when the options are not valid, for code that builds a validator without DI.</summary>
    public static void ThrowIfInvalid(CleaningOptions options)
    {
        var result = new CleaningOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new CleaningException(result.FailureMessage);
        }
    }

    private static void Share(List<string> failures, string setting, double value, string defaultValue)
    {
        if (!(value >= 0 && value <= 1))
        {
            failures.Add(Fail(setting, value, $"must be a share between 0 and 1 (default {defaultValue})"));
        }
    }

    private static string Fail(string setting, IFormattable value, string rule)
        => $"MlValue:Cleaning:{setting} is {value.ToString(null, CultureInfo.InvariantCulture)}; it {rule}.";
}
