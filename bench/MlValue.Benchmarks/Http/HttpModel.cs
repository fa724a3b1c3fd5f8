using System.Text.Json;
using MlValue.Benchmarks.Support;
using MlValue.Data;
using MlValue.Training;

namespace MlValue.Benchmarks.Http;

/// <summary>The served model: the ML.NET artifact, and what its registration names (trainer, training dataset ids).</summary>
/// <param name="Artifact">The <c>mlnet-zip</c> artifact.</param>
/// <param name="TrainerName">The trainer's name.</param>
/// <param name="DatasetIds">The training dataset ids.</param>
public sealed record HttpModelFile(ModelArtifact Artifact, string TrainerName, IReadOnlyList<string> DatasetIds);

/// <summary>
/// The model both HTTP variants serve: the FastTree flights model of the serving benchmark, trained once through the
/// MlValue tabular trainer and written to a file, so every server process loads the same bytes.
/// </summary>
public static class HttpModel
{
    /// <summary>Training rows of a benchmark run (the serving benchmark's size).</summary>
    public const int Rows = 5_000;

    /// <summary>Trees of a benchmark run (the serving benchmark's size).</summary>
    public const int Trees = 100;

    /// <summary>The seed of the generated training rows; the monitored variant builds its reference from the same rows.</summary>
    public const int RowSeed = 1;

    /// <summary>Trains the model.</summary>
    /// <param name="rows">Training rows.</param>
    /// <param name="trees">Number of trees.</param>
    /// <returns>The model.</returns>
    public static HttpModelFile Train(int rows, int trees)
    {
        var data = FlightFeatures.Generate(rows, RowSeed);
        var dataset = Dataset.FromRecords(data, new DatasetProvenance { Source = "synthetic-flights" });
        var trainer = MlNetTrainers.Tabular<FlightFeatures>(PredictionTask.BinaryClassification, FlightModel.Options(trees));
        var trained = trainer.TrainAsync(TrainingSet<FlightFeatures>.FromRecords(data, [dataset.Id], FlightModel.Seed)).GetAwaiter().GetResult();
        return new HttpModelFile(trained.Artifact, trained.TrainerName, trained.DatasetIds);
    }

    /// <summary>Writes the artifact's bytes (an ML.NET zip) to <paramref name="path"/>, and its lineage to <c>path.json</c>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The file.</param>
    public static void Write(HttpModelFile model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        File.WriteAllBytes(path, model.Artifact.Content.Span);
        File.WriteAllText(path + ".json", JsonSerializer.Serialize(new Lineage(model.TrainerName, [.. model.DatasetIds])));
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model.</returns>
    public static HttpModelFile Read(string path)
    {
        var lineage = JsonSerializer.Deserialize<Lineage>(File.ReadAllText(path + ".json"))
            ?? throw new InvalidDataException($"{path}.json holds no lineage; write the model again with --http-model.");
        return new HttpModelFile(new ModelArtifact(MlNetModelFormat.Id, File.ReadAllBytes(path)), lineage.TrainerName, lineage.DatasetIds);
    }

    private sealed record Lineage(string TrainerName, string[] DatasetIds);
}
