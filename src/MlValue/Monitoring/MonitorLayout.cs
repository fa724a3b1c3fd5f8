using MlValue.Monitoring.Sketches;

namespace MlValue.Monitoring;

/// <summary>
/// What every bucket of a monitor holds, fixed by its reference: feature names and kinds, the reference's
/// bin edges per numeric feature, text length and prediction, and the reference vocabulary per text feature.
/// </summary>
internal sealed class MonitorLayout
{
    public MonitorLayout(string schema, PredictionKind prediction, string[] names, FeatureKind[] kinds, double[][] edges, TextVocabulary[] vocabularies, double[] predictionEdges)
    {
        Schema = schema;
        Prediction = prediction;
        Names = names;
        Kinds = kinds;
        Edges = edges;
        Vocabularies = vocabularies;
        PredictionEdges = predictionEdges;
    }

    public string Schema { get; }

    public PredictionKind Prediction { get; }

    public string[] Names { get; }

    public FeatureKind[] Kinds { get; }

    public double[][] Edges { get; }

    public TextVocabulary[] Vocabularies { get; }

    public double[] PredictionEdges { get; }

    /// <summary>A layout with no reference: one open bin per numeric feature and an empty vocabulary.</summary>
    public static MonitorLayout WithoutReference<T>(MonitorSchema<T> schema)
    {
        var features = schema.Features;
        return new MonitorLayout(
            schema.Describe(),
            schema.Prediction,
            [.. features.Select(f => f.Name)],
            [.. features.Select(f => f.Kind)],
            [.. features.Select(_ => Array.Empty<double>())],
            [.. features.Select(_ => TextVocabulary.Empty)],
            []);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Schema);
        writer.Write((int)Prediction);
        writer.Write(Names.Length);
        for (var i = 0; i < Names.Length; i++)
        {
            writer.Write(Names[i]);
            writer.Write((int)Kinds[i]);
            WriteEdges(writer, Edges[i]);
            Vocabularies[i].Write(writer);
        }

        WriteEdges(writer, PredictionEdges);
    }

    public static MonitorLayout Read(BinaryReader reader)
    {
        var schema = reader.ReadString();
        var prediction = (PredictionKind)reader.ReadInt32();
        var n = reader.ReadInt32();
        var names = new string[n];
        var kinds = new FeatureKind[n];
        var edges = new double[n][];
        var vocabularies = new TextVocabulary[n];
        for (var i = 0; i < n; i++)
        {
            names[i] = reader.ReadString();
            kinds[i] = (FeatureKind)reader.ReadInt32();
            edges[i] = ReadEdges(reader);
            vocabularies[i] = TextVocabulary.Read(reader);
        }

        return new MonitorLayout(schema, prediction, names, kinds, edges, vocabularies, ReadEdges(reader));
    }

    private static void WriteEdges(BinaryWriter writer, double[] edges)
    {
        writer.Write(edges.Length);
        foreach (var e in edges)
        {
            writer.Write(e);
        }
    }

    private static double[] ReadEdges(BinaryReader reader)
    {
        var edges = new double[reader.ReadInt32()];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = reader.ReadDouble();
        }

        return edges;
    }
}
