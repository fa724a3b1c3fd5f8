using Microsoft.Extensions.Options;

namespace MlValue.Serving;

internal sealed class ServingOptionsValidator : IValidateOptions<ServingOptions>
{
    public ValidateOptionsResult Validate(string? name, ServingOptions options)
    {
        var prefix = string.IsNullOrEmpty(name) ? "MlValue:Serving" : "MlValue:Serving:" + name;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Alias))
        {
            errors.Add($"{prefix}:Alias must name the alias to serve (for example 'champion'); it is empty.");
        }

        if (options.PollInterval < TimeSpan.Zero || options.PollInterval.TotalMilliseconds > int.MaxValue)
        {
            errors.Add($"{prefix}:PollInterval must be zero (off) or a positive interval under 24 days; it is {options.PollInterval}.");
        }

        CheckSecondAlias(errors, prefix, "ShadowAlias", options.ShadowAlias, options.Alias);
        CheckSecondAlias(errors, prefix, "CanaryAlias", options.CanaryAlias, options.Alias);
        if (double.IsNaN(options.CanaryShare) || options.CanaryShare < 0 || options.CanaryShare > 1)
        {
            errors.Add(FormattableString.Invariant($"{prefix}:CanaryShare must be within [0, 1] (a share of routing keys); it is {options.CanaryShare}."));
        }
        else if (options.CanaryShare > 0 && options.CanaryAlias is null)
        {
            errors.Add(FormattableString.Invariant($"{prefix}:CanaryShare is {options.CanaryShare} but {prefix}:CanaryAlias is not set; set the alias that takes the canary traffic."));
        }

        if (double.IsNaN(options.DisagreementTolerance) || options.DisagreementTolerance < 0)
        {
            errors.Add(FormattableString.Invariant($"{prefix}:DisagreementTolerance must be zero or more; it is {options.DisagreementTolerance}."));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckSecondAlias(List<string> errors, string prefix, string setting, string? alias, string primary)
    {
        if (alias is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(alias))
        {
            errors.Add($"{prefix}:{setting} is blank; remove it or name an alias.");
        }
        else if (string.Equals(alias, primary, StringComparison.Ordinal))
        {
            errors.Add($"{prefix}:{setting} '{alias}' is the primary alias; name a different alias (for example 'challenger').");
        }
    }
}
