namespace MlValue.Training;

/// <summary>The stages a training goes through, in order.</summary>
public enum TrainingStage
{
    /// <summary>Reading the data once to check labels and features (empty set, single class, NaN, null text).</summary>
    Validating,

    /// <summary>Fitting the featurisation (text n-grams, one-hot encoding, concatenation).</summary>
    Featurising,

    /// <summary>Fitting the learner on the features.</summary>
    Fitting,

    /// <summary>Computing the training metrics.</summary>
    Evaluating,

    /// <summary>Writing the model into its artifact.</summary>
    Serialising,

    /// <summary>Done; the <see cref="TrainedModel"/> is ready.</summary>
    Completed,
}
