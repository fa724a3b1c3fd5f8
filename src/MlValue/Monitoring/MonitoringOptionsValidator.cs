using System.Globalization;
using Microsoft.Extensions.Options;

namespace MlValue.Monitoring;

/// <summary>Validates <see cref="MonitoringOptions"/>; each message names the setting and how to fix it.</summary>
internal sealed class MonitoringOptionsValidator : IValidateOptions<MonitoringOptions>
{
    private const string Section = "MlValue:Monitoring:";

    public ValidateOptionsResult Validate(string? name, MonitoringOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Returns every broken rule; empty when the options are valid.</summary>
    public static List<string> Check(MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.BucketWidth < TimeSpan.FromSeconds(1))
        {
            errors.Add(Message("BucketWidth", options.BucketWidth, "must be at least 1 second (for example 01:00:00 for one hour)"));
        }
        else
        {
            if (options.Retention < 2 * options.BucketWidth || options.Retention.Ticks % options.BucketWidth.Ticks != 0)
            {
                errors.Add(Message("Retention", options.Retention, "must be a whole multiple of BucketWidth and at least two buckets"));
            }
            else if (options.Retention.Ticks / options.BucketWidth.Ticks > 100_000)
            {
                errors.Add(Message("Retention", options.Retention, "keeps more than 100,000 buckets; widen BucketWidth or shorten Retention"));
            }

            if (options.AllowedLateness < TimeSpan.Zero || options.AllowedLateness + (2 * options.BucketWidth) > options.Retention)
            {
                errors.Add(Message("AllowedLateness", options.AllowedLateness, "must be zero or more and at most Retention minus two buckets"));
            }
        }

        if (options.MinSampleSize < 1)
        {
            errors.Add(Message("MinSampleSize", options.MinSampleSize, "must be at least 1"));
        }

        CheckFraction(errors, "PValueThreshold", options.PValueThreshold, exclusiveHigh: true);
        CheckFraction(errors, "JensenShannonThreshold", options.JensenShannonThreshold, exclusiveHigh: false);
        CheckFraction(errors, "UnseenTokenShareMargin", options.UnseenTokenShareMargin, exclusiveHigh: false);
        CheckFraction(errors, "DecisionThreshold", options.DecisionThreshold, exclusiveHigh: false);
        if (!(options.PsiThreshold > 0) || double.IsInfinity(options.PsiThreshold))
        {
            errors.Add(Message("PsiThreshold", options.PsiThreshold, "must be a positive number (0.1 is the usual 'moderate shift' line)"));
        }

        if (options.CategoryCap is < 1 or > 100_000)
        {
            errors.Add(Message("CategoryCap", options.CategoryCap, "must be between 1 and 100000"));
        }

        if (options.PendingOutcomeCapacity is < 1 or > 10_000_000)
        {
            errors.Add(Message("PendingOutcomeCapacity", options.PendingOutcomeCapacity, "must be between 1 and 10000000"));
        }

        if (options.OutcomeExpiry <= TimeSpan.Zero)
        {
            errors.Add(Message("OutcomeExpiry", options.OutcomeExpiry, "must be positive (for example 14.00:00:00)"));
        }

        if (options.SaveInterval < TimeSpan.Zero)
        {
            errors.Add(Message("SaveInterval", options.SaveInterval, "must be zero (save on demand and dispose only) or positive"));
        }

        if (options.BucketFlushInterval < TimeSpan.Zero)
        {
            errors.Add(Message("BucketFlushInterval", options.BucketFlushInterval, "must be zero (flush on demand and dispose only) or positive"));
        }

        if (options.ReplicaId is { } replica && !MlValue.Internal.SafeName.IsValid(replica, 100, letterOrDigitFirst: false))
        {
            errors.Add(Message("ReplicaId", replica, "must be 1 to 100 letters, digits, '.', '-' or '_', not starting with '.' (or unset for machine name and process id)"));
        }

        return errors;
    }

    private static void CheckFraction(List<string> errors, string setting, double value, bool exclusiveHigh)
    {
        if (!(value > 0) || value > 1 || (exclusiveHigh && value >= 1))
        {
            errors.Add(Message(setting, value, exclusiveHigh ? "must be in (0, 1)" : "must be in (0, 1]"));
        }
    }

    private static string Message(string setting, object value, string rule)
        => string.Format(CultureInfo.InvariantCulture, "{0}{1} is {2}; it {3}.", Section, setting, value, rule);
}
