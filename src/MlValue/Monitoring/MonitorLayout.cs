using MlValue.Training;
using MlValue.Monitoring.Sketches;

namespace MlValue.Monitoring;

/// <summary>
/// What every bucket of a monitor holds, fixed by its reference: feature names and kinds, the reference's
/// bin edges per numeric feature, text length and prediction, and the reference vocabulary per text feature.
/// </summary>
internal sealed class MonitorLayout
{
    public MonitorLayout(string schema, PredictionTask prediction, string[] names, FeatureKind[] kinds, double[][] edges, TextVocabulary[] vocabularies, double[] predictionEdges)
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

    public PredictionTask Prediction { get; }

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
        writer.Write(TaskCode(Prediction));
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
        var prediction = TaskOf(reader.ReadInt32());
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

    /// <summary>The task's code in profile and state files (0 binary, 1 regression, 2 multiclass), independent of the enum's values.</summary>
    internal static int TaskCode(PredictionTask task) => task switch
    {
        PredictionTask.BinaryClassification => 0,
        PredictionTask.Regression => 1,
        PredictionTask.MulticlassClassification => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown prediction task."),
    };

    /// <summary>The short name of the task in fingerprints (<c>Binary</c>, <c>Regression</c>, <c>Multiclass</c>), as written by earlier versions.</summary>
    internal static string TaskName(PredictionTask task) => task switch
    {
        PredictionTask.BinaryClassification => "Binary",
        PredictionTask.Regression => "Regression",
        PredictionTask.MulticlassClassification => "Multiclass",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown prediction task."),
    };

    private static PredictionTask TaskOf(int code) => code switch
    {
        0 => PredictionTask.BinaryClassification,
        1 => PredictionTask.Regression,
        2 => PredictionTask.MulticlassClassification,
        _ => throw new MonitoringException($"The monitor file names prediction task code {code}, which this version does not know (0 binary, 1 regression, 2 multiclass); the file is damaged or from a newer version of MlValue."),
    };
}
