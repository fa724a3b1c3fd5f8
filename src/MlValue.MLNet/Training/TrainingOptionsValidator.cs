using Microsoft.Extensions.Options;

namespace MlValue.Training;

/// <summary>Validates <see cref="TrainingOptions"/> at start-up, naming each bad setting.</summary>
internal sealed class TrainingOptionsValidator : IValidateOptions<TrainingOptions>
{
    private const string Section = "MlValue:Training";

    public ValidateOptionsResult Validate(string? name, TrainingOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Preset))
        {
            errors.Add($"{Section}:Preset must be Text, Tabular or Baseline; it is {options.Preset}.");
        }

        if (!Enum.IsDefined(options.Task))
        {
            errors.Add($"{Section}:Task must be BinaryClassification, MulticlassClassification or Regression; it is {options.Task}.");
        }

        errors.AddRange(options.Preset switch
        {
            TrainingPreset.Text => OptionsCheck.Text(options.Text, Section + ":Text"),
            TrainingPreset.Tabular => OptionsCheck.Tabular(options.Tabular, Section + ":Tabular"),
            _ => OptionsCheck.Label(options.BaselineLabelColumn, Section + ":Baseline").Select(e => e.Replace(":Baseline:LabelColumn", ":BaselineLabelColumn", StringComparison.Ordinal)),
        });
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
