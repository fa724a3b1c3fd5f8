using Microsoft.Extensions.DependencyInjection;
using MlValue.Benchmarks.Support;
using MlValue.Data;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Benchmarks.Serving;

/// <summary>
/// A real serving set-up: SQLite registry in a temp folder, a FastTree model trained once through the
/// MlValue tabular trainer, registered and aliased <c>champion</c>, served by <c>AddPredictor</c>.
/// </summary>
public sealed class ServingHost : IDisposable
{
    private readonly TempFolder _folder;
    private readonly ServiceProvider _provider;

    private ServingHost(TempFolder folder, ServiceProvider provider, IPredictor<FlightFeatures, BinaryPrediction> predictor, ModelArtifact artifact)
    {
        _folder = folder;
        _provider = provider;
        Predictor = predictor;
        Artifact = artifact;
    }

    /// <summary>The MlValue predictor bound to <c>flights@champion</c>.</summary>
    public IPredictor<FlightFeatures, BinaryPrediction> Predictor { get; }

    /// <summary>The served artifact (the raw ML.NET baseline loads the same bytes).</summary>
    public ModelArtifact Artifact { get; }

    /// <summary>Trains, registers, aliases and warms up.</summary>
    /// <param name="rows">Training rows.</param>
    /// <param name="trees">Number of trees.</param>
    /// <returns>The host.</returns>
    public static ServingHost Create(FlightFeatures[] rows, int trees)
    {
        var folder = new TempFolder("mlvalue-bench-serving");
        var services = new ServiceCollection();
        services.AddMlValue(o => o.RootDirectory = folder.Path)
            .AddModelRegistry(o => o.RootDirectory = Path.Combine(folder.Path, "registry"))
            .AddTraining()
            .AddPredictor<FlightFeatures, BinaryPrediction>(FlightModel.Name);
        var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IModelRegistry>();
        var dataset = Dataset.FromRecords(rows, new DatasetProvenance { Source = "synthetic-flights" });
        var trainer = MlNetTrainers.Tabular<FlightFeatures>(PredictionTask.BinaryClassification, FlightModel.Options(trees));
        var trained = trainer.TrainAsync(TrainingSet<FlightFeatures>.FromRecords(rows, [dataset.Id], FlightModel.Seed)).GetAwaiter().GetResult();
        var version = registry.RegisterAsync(new ModelRegistration
        {
            ModelName = FlightModel.Name,
            Artifact = trained.Artifact,
            TrainerName = trained.TrainerName,
            TrainingDatasetIds = [dataset.Id],
            Metrics = trained.Metrics,
        }).GetAwaiter().GetResult();
        registry.SetAliasAsync(FlightModel.Name, "champion", version.Version, expectedCurrentVersion: null, "benchmark").GetAwaiter().GetResult();
        var predictor = provider.GetRequiredKeyedService<IPredictor<FlightFeatures, BinaryPrediction>>(FlightModel.Name);
        predictor.WarmUpAsync().GetAwaiter().GetResult();
        return new ServingHost(folder, provider, predictor, trained.Artifact);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _provider.Dispose();
        _folder.Dispose();
    }
}
