using MlValue.Training;

namespace MlValue.Monitoring;

/// <summary>
/// The features of <typeparamref name="T"/> that a monitor watches, declared once with typed accessors:
/// <c>new MonitorSchema&lt;Email&gt;(PredictionTask.BinaryClassification).Numeric("subject_length", e => e.Subject.Length).Categorical("group", e => e.Group).Text("body", e => e.Body)</c>.
/// The accessors are delegates called on the request path; they should not allocate.
/// </summary>
/// <typeparam name="T">The input type of the monitored model.</typeparam>
public sealed class MonitorSchema<T>
{
    private readonly List<FeatureDefinition<T>> _features = [];

    /// <summary>Creates an empty schema for a model that predicts <paramref name="prediction"/>.</summary>
    /// <param name="prediction">Binary (a probability, outcomes 0/1), regression (a value) or multiclass (a class label, outcomes class labels).</param>
    public MonitorSchema(PredictionTask prediction = PredictionTask.BinaryClassification)
    {
        if (!Enum.IsDefined(prediction))
        {
            throw new ArgumentOutOfRangeException(nameof(prediction), prediction, "Use PredictionTask.BinaryClassification, PredictionTask.Regression or PredictionTask.MulticlassClassification.");
        }

        Prediction = prediction;
    }

    /// <summary>What the model predicts.</summary>
    public PredictionTask Prediction { get; }

    /// <summary>The declared feature names, in declaration order.</summary>
    public IReadOnlyList<string> FeatureNames => _features.ConvertAll(f => f.Name);

    internal IReadOnlyList<FeatureDefinition<T>> Features => _features;

    /// <summary>Adds a numeric feature; <see langword="null"/>, NaN and infinities are counted as missing.</summary>
    /// <param name="name">The feature name, unique in the schema.</param>
    /// <param name="accessor">Reads the value from an input.</param>
    /// <returns>This schema.</returns>
    public MonitorSchema<T> Numeric(string name, Func<T, double?> accessor)
        => Add(new FeatureDefinition<T>(CheckName(name), FeatureKind.Numeric, accessor ?? throw new ArgumentNullException(nameof(accessor)), null));

    /// <summary>Adds a categorical feature; <see langword="null"/> is counted as missing.</summary>
    /// <param name="name">The feature name, unique in the schema.</param>
    /// <param name="accessor">Reads the category from an input.</param>
    /// <returns>This schema.</returns>
    public MonitorSchema<T> Categorical(string name, Func<T, string?> accessor)
        => Add(new FeatureDefinition<T>(CheckName(name), FeatureKind.Categorical, null, accessor ?? throw new ArgumentNullException(nameof(accessor))));

    /// <summary>Adds a text feature (length and unseen-token share); <see langword="null"/> is counted as missing.</summary>
    /// <param name="name">The feature name, unique in the schema.</param>
    /// <param name="accessor">Reads the text from an input.</param>
    /// <returns>This schema.</returns>
    public MonitorSchema<T> Text(string name, Func<T, string?> accessor)
        => Add(new FeatureDefinition<T>(CheckName(name), FeatureKind.Text, null, accessor ?? throw new ArgumentNullException(nameof(accessor))));

    /// <summary>A fingerprint of names, kinds and prediction kind, stored with profiles and state files to detect mismatches.</summary>
    internal string Describe()
        => MonitorLayout.TaskName(Prediction) + ":" + string.Join(",", _features.ConvertAll(f => f.Name + "=" + f.Kind));

    private MonitorSchema<T> Add(FeatureDefinition<T> feature)
    {
        _features.Add(feature);
        return this;
    }

    private string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name == FeatureDefinition<T>.PredictionName || _features.Exists(f => f.Name == name))
        {
            throw new ArgumentException($"The monitor schema of {typeof(T).Name} already has a feature named '{name}' ('{FeatureDefinition<T>.PredictionName}' is reserved); give each feature a unique name.", nameof(name));
        }

        return name;
    }
}
