using MlValue.Training;
using MlValue.Monitoring.Sketches;

namespace MlValue.Monitoring;

/// <summary>Building a reference profile from reference records.</summary>
public sealed partial class ReferenceProfile
{
    /// <summary>The category cap of reference profiles: exact counts for up to 1,000 categories per feature.</summary>
    internal const int ReferenceCategoryCap = 1000;

    private const int Bins = 10;

    /// <summary>
    /// Profiles <paramref name="records"/>: numeric bin edges at the reference deciles, the text vocabulary
    /// (the 50,000 most frequent tokens) and every sketch a monitor keeps.
    /// </summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <param name="schema">The features to profile.</param>
    /// <param name="records">The reference records (read once).</param>
    /// <param name="prediction">Optional: the model's prediction for a record, to profile the prediction distribution.</param>
    /// <returns>The profile.</returns>
    public static ReferenceProfile Build<T>(MonitorSchema<T> schema, IEnumerable<T> records, Func<T, double>? prediction = null)
        => Profile(schema, records, prediction, null);

    /// <summary>
    /// Profiles <paramref name="records"/> of a multiclass model (schema of <see cref="PredictionTask.MulticlassClassification"/>), with
    /// the distribution of the classes <paramref name="predictedClass"/> gives, against which the monitor's predicted
    /// classes are compared (chi-square).
    /// </summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <param name="schema">The features to profile.</param>
    /// <param name="records">The reference records (read once).</param>
    /// <param name="predictedClass">The model's predicted class for a record (or the actual label, to compare against the class mix of the training data).</param>
    /// <returns>The profile.</returns>
    public static ReferenceProfile BuildMulticlass<T>(MonitorSchema<T> schema, IEnumerable<T> records, Func<T, string> predictedClass)
    {
        ArgumentNullException.ThrowIfNull(predictedClass);
        return Profile(schema, records, null, predictedClass);
    }

    private static ReferenceProfile Profile<T>(MonitorSchema<T> schema, IEnumerable<T> records, Func<T, double>? prediction, Func<T, string>? predictedClass)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(records);
        if ((schema.Prediction == PredictionTask.MulticlassClassification && prediction is not null) || (schema.Prediction != PredictionTask.MulticlassClassification && predictedClass is not null))
        {
            throw new MonitoringException(schema.Prediction == PredictionTask.MulticlassClassification
                ? "A multiclass monitor schema profiles predicted classes: build its reference with ReferenceProfile.BuildMulticlass(schema, records, r => predictedClass)."
                : $"ReferenceProfile.BuildMulticlass needs a schema of PredictionTask.MulticlassClassification; this schema is {schema.Prediction}: use ReferenceProfile.Build(schema, records, r => prediction).");
        }

        var classes = new List<string>();
        var features = schema.Features;
        var numbers = features.Select(_ => new List<double?>()).ToArray();
        var texts = features.Select(_ => new List<string?>()).ToArray();
        var predictions = new List<double>();
        var count = 0;
        foreach (var record in records)
        {
            count++;
            for (var i = 0; i < features.Count; i++)
            {
                if (features[i].Kind == FeatureKind.Numeric)
                {
                    numbers[i].Add(features[i].Number!(record));
                }
                else
                {
                    var text = features[i].Text!(record);
                    texts[i].Add(text);
                    numbers[i].Add(text?.Length);
                }
            }

            if (prediction is not null)
            {
                predictions.Add(prediction(record));
            }

            if (predictedClass is not null)
            {
                classes.Add(predictedClass(record));
            }
        }

        var vocabularies = new TextVocabulary[features.Count];
        var baseline = new double[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            vocabularies[i] = features[i].Kind == FeatureKind.Text ? new TextVocabulary(CountTokens(texts[i], 0, 1)) : TextVocabulary.Empty;
            baseline[i] = features[i].Kind == FeatureKind.Text ? HeldOutUnseenShare(texts[i]) : 0;
        }

        var layout = new MonitorLayout(
            schema.Describe(),
            schema.Prediction,
            [.. features.Select(f => f.Name)],
            [.. features.Select(f => f.Kind)],
            [.. numbers.Select((values, i) => features[i].Kind == FeatureKind.Categorical ? [] : DecileEdges(values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value)))],
            vocabularies,
            DecileEdges(predictions.Where(double.IsFinite)));
        var data = new MonitorBucket(layout, ReferenceCategoryCap, 0);
        for (var r = 0; r < count; r++)
        {
            for (var i = 0; i < features.Count; i++)
            {
                switch (features[i].Kind)
                {
                    case FeatureKind.Numeric: data.Numeric[i]!.Add(numbers[i][r]); break;
                    case FeatureKind.Categorical: data.Categorical[i]!.Add(texts[i][r]); break;
                    default:
                        vocabularies[i].Count(texts[i][r], out var tokens, out var unseen);
                        data.Text[i]!.Add(texts[i][r], tokens, unseen);
                        break;
                }
            }

            if (prediction is not null)
            {
                data.Prediction.Add(predictions[r]);
            }

            data.PredictedClasses?.Add(predictedClass is null ? null : classes[r]);
            data.Records++;
        }

        return new ReferenceProfile(layout, data, baseline, prediction is not null || predictedClass is not null);
    }

    /// <summary>Distinct edges at the deciles of <paramref name="values"/>: up to ten bins of equal reference mass.</summary>
    internal static double[] DecileEdges(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        return [.. Enumerable.Range(1, Bins - 1).Select(i => sorted[Math.Min(sorted.Length - 1, (int)((long)i * sorted.Length / Bins))]).Distinct()];
    }
}
