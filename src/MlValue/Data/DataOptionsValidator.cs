using Microsoft.Extensions.Options;

namespace MlValue.Data;

internal sealed class DataOptionsValidator : IValidateOptions<DataOptions>
{
    public ValidateOptionsResult Validate(string? name, DataOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.CheckpointDirectory))
        {
            failures.Add("MlValue:Data:CheckpointDirectory must name a folder for the checkpoints of data sources; it is empty. Default: checkpoints.");
        }
        else if (options.CheckpointDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"MlValue:Data:CheckpointDirectory '{options.CheckpointDirectory}' contains characters that are not valid in a path.");
        }

        if (options.MaxBatchRecords < 1)
        {
            failures.Add($"MlValue:Data:MaxBatchRecords must be at least 1; it is {options.MaxBatchRecords}. Default: 10000.");
        }

        if (options.MaxFieldLength < 1 || options.MaxFieldLength > 1 << 26)
        {
            failures.Add($"MlValue:Data:MaxFieldLength must be between 1 and 67108864 characters; it is {options.MaxFieldLength}. Default: 1048576.");
        }

        if (!Enum.IsDefined(options.UnknownColumns))
        {
            failures.Add($"MlValue:Data:UnknownColumns must be Report or Ignore; it is {options.UnknownColumns}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static DataOptions Checked(DataOptions? options)
    {
        options ??= new DataOptions();
        var result = new DataOptionsValidator().Validate(null, options);
        return result.Failed ? throw new ArgumentException(result.FailureMessage, nameof(options)) : options;
    }
}
