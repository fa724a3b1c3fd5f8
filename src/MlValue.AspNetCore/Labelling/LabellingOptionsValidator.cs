using Microsoft.Extensions.Options;

namespace MlValue.AspNetCore.Labelling;

internal sealed class LabellingOptionsValidator : IValidateOptions<LabellingOptions>
{
    private const string Section = "MlValue:Labelling:";

    public ValidateOptionsResult Validate(string? name, LabellingOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.Title))
        {
            failures.Add($"{Section}Title must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Policy))
        {
            failures.Add($"{Section}Policy must name the authorization policy of the people who may label (for example services.AddAuthorization(o => o.AddPolicy(\"annotators\", ...))); the queue's items are shown to no one else.");
        }

        if (options.AnswersPerTask is < 1 or > 20)
        {
            failures.Add($"{Section}AnswersPerTask must be within [1, 20]; it is {options.AnswersPerTask}.");
        }

        if (options.FoldAfter < 50)
        {
            failures.Add($"{Section}FoldAfter must be at least 50 characters; it is {options.FoldAfter}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
