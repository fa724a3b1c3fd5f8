namespace MlValue.Training;

/// <summary>
/// Options of the training stage, bound from <c>MlValue:Training</c> and validated at start-up.
/// They choose the trainer that <see cref="ITrainer{TRecord}"/> resolves to.
/// </summary>
public class TrainingOptions
{
    /// <summary>The trainer. Default: <see cref="TrainingPreset.Text"/>.</summary>
    public TrainingPreset Preset { get; set; } = TrainingPreset.Text;

    /// <summary>The prediction task. Default: <see cref="PredictionTask.BinaryClassification"/>.</summary>
    public PredictionTask Task { get; set; } = PredictionTask.BinaryClassification;

    /// <summary>The text preset's options (<c>MlValue:Training:Text</c>); checked when <see cref="Preset"/> is Text.</summary>
    public TextTrainerOptions Text { get; set; } = new();

    /// <summary>The tabular preset's options (<c>MlValue:Training:Tabular</c>); checked when <see cref="Preset"/> is Tabular.</summary>
    public TabularTrainerOptions Tabular { get; set; } = new();

    /// <summary>The label column of the baseline preset. Default: <c>Label</c>.</summary>
    public string BaselineLabelColumn { get; set; } = "Label";
}
