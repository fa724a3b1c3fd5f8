namespace MlValue.Training;

/// <summary>Which trainer the configured <see cref="ITrainer{TRecord}"/> is.</summary>
public enum TrainingPreset
{
    /// <summary>The ML.NET text preset (<see cref="TrainingOptions.Text"/>).</summary>
    Text,

    /// <summary>The ML.NET tabular preset (<see cref="TrainingOptions.Tabular"/>).</summary>
    Tabular,

    /// <summary>The no-ML majority/mean baseline (<see cref="TrainingOptions.BaselineLabelColumn"/>).</summary>
    Baseline,
}
