using System.Text.Json;

namespace MlValue.Training;

/// <summary>
/// Loads <c>mlvalue-baseline-json</c> artifacts. Majority and mean baselines load from the JSON alone;
/// a rule baseline needs its rule, given to the constructor (or registered with
/// <c>AddBaselineRule</c>), because a delegate cannot be serialised.
/// </summary>
public sealed class BaselineModelFormat : IModelFormat
{
    /// <summary>The format id: <c>mlvalue-baseline-json</c>.</summary>
    public const string Id = "mlvalue-baseline-json";

    private readonly Dictionary<string, BaselineRule> _rules = new(StringComparer.Ordinal);

    /// <summary>Creates the format with the rules that rule baselines may name.</summary>
    /// <param name="rules">The rules, by name; a name given twice keeps the last.</param>
    public BaselineModelFormat(IEnumerable<BaselineRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            _rules[rule.Name] = rule;
        }
    }

    /// <inheritdoc/>
    public string FormatId => Id;

    /// <inheritdoc/>
    /// <exception cref="ModelLoadException">The JSON is not a baseline document, or the prediction type does not fit its task.</exception>
    /// <exception cref="MissingBaselineRuleException">The baseline names a rule that was not supplied (or reads another record type).</exception>
    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
    {
        ArgumentNullException.ThrowIfNull(artifact);
        FormatCheck.Matches(artifact, Id);
        var document = Parse(artifact);
        var expected = document.Task switch
        {
            PredictionTask.BinaryClassification => typeof(BinaryPrediction),
            PredictionTask.MulticlassClassification => typeof(MulticlassPrediction),
            _ => typeof(RegressionPrediction),
        };
        if (typeof(TOutput) != expected)
        {
            throw new ModelLoadException(
                $"The baseline {FormatCheck.Short(artifact)} is a {document.Task} model and predicts {expected.Name}, but {typeof(TOutput).Name} was asked for. How to fix: load it as IPredictionModel<{typeof(TInput).Name}, {expected.Name}>.");
        }

        object model = document.Kind switch
        {
            BaselineDocument.RuleKind => new RuleBaselineModel<TInput>(FindRule<TInput>(document.Rule!, artifact)),
            BaselineDocument.MeanKind => new ConstantBaselineModel<TInput, RegressionPrediction>(() => new RegressionPrediction { Score = (float)document.Mean!.Value }),
            _ when document.Task == PredictionTask.BinaryClassification => BinaryMajority<TInput>(document.PositiveRate!.Value),
            _ => MulticlassMajority<TInput>(document.ClassCounts!),
        };
        return (IPredictionModel<TInput, TOutput>)model;
    }

    private static BaselineDocument Parse(ModelArtifact artifact)
    {
        BaselineDocument document;
        try
        {
            document = BaselineDocument.Parse(artifact.Content.Span);
        }
        catch (JsonException error)
        {
            throw new ModelLoadException($"The artifact {FormatCheck.Short(artifact)} of format '{Id}' is not valid JSON ({error.Message}). How to fix: the bytes are corrupted; load the artifact again from the registry or retrain the baseline.", error);
        }

        var complete = document.Version == 1 && document.Kind switch
        {
            BaselineDocument.RuleKind => !string.IsNullOrWhiteSpace(document.Rule),
            BaselineDocument.MeanKind => document.Mean is not null && document.Task == PredictionTask.Regression,
            BaselineDocument.MajorityKind => document.Task switch
            {
                PredictionTask.BinaryClassification => document.PositiveRate is >= 0 and <= 1,
                PredictionTask.MulticlassClassification => document.ClassCounts is { Count: > 0 },
                _ => false,
            },
            _ => false,
        };
        if (!complete)
        {
            throw new ModelLoadException($"The artifact {FormatCheck.Short(artifact)} of format '{Id}' is not a complete version-1 baseline (kind '{document.Kind}', task {document.Task}). How to fix: retrain the baseline with this version of MlValue.");
        }

        return document;
    }

    private BaselineRule<TInput> FindRule<TInput>(string name, ModelArtifact artifact)
        where TInput : class
    {
        if (_rules.TryGetValue(name, out var rule) && rule is BaselineRule<TInput> typed)
        {
            return typed;
        }

        var known = _rules.Count == 0 ? "none" : string.Join(", ", _rules.Values.Select(r => $"'{r.Name}' ({r.RecordType.Name})"));
        var found = rule is null ? "no rule of that name was supplied" : $"the rule of that name reads {rule.RecordType.Name}, not {typeof(TInput).Name}";
        throw new MissingBaselineRuleException(
            $"The rule baseline {FormatCheck.Short(artifact)} needs the rule '{name}' for {typeof(TInput).Name}, but {found} (known rules: {known}). How to fix: a delegate cannot be saved in the artifact, so supply the same rule at load time: new BaselineModelFormat([new BaselineRule<{typeof(TInput).Name}>(\"{name}\", ...)]) or builder.AddBaselineRule(...).");
    }

    private static ConstantBaselineModel<TInput, BinaryPrediction> BinaryMajority<TInput>(double positiveRate)
        where TInput : class
    {
        var probability = (float)positiveRate;
        var predicted = positiveRate > 0.5;
        return new(() => new BinaryPrediction { PredictedLabel = predicted, Probability = probability, Score = probability });
    }

    private static ConstantBaselineModel<TInput, MulticlassPrediction> MulticlassMajority<TInput>(SortedDictionary<string, long> counts)
        where TInput : class
    {
        var total = (float)counts.Values.Sum();
        var scores = counts.Values.Select(c => c / total).ToArray();
        var majority = counts.MaxBy(c => c.Value).Key;
        return new(() => new MulticlassPrediction { PredictedLabel = majority, Score = (float[])scores.Clone() });
    }
}
