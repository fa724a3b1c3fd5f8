namespace MlValue.Monitoring;

/// <summary>One declared feature: its name, kind and accessor.</summary>
internal sealed class FeatureDefinition<T>
{
    public const string PredictionName = "prediction";

    public FeatureDefinition(string name, FeatureKind kind, Func<T, double?>? number, Func<T, string?>? text)
    {
        Name = name;
        Kind = kind;
        Number = number;
        Text = text;
    }

    public string Name { get; }

    public FeatureKind Kind { get; }

    public Func<T, double?>? Number { get; }

    public Func<T, string?>? Text { get; }
}
