using Microsoft.Extensions.DependencyInjection;
using MlValue.Benchmarks.Support;
using MlValue.Data;
using MlValue.Monitoring;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Benchmarks.Serving;

/// <summary>
/// A real serving set-up: SQLite registry in a temp folder, a FastTree model trained once through the
/// MlValue tabular trainer, registered and aliased <c>champion</c> under two model names, served by
/// <c>AddPredictor</c>: <c>flights</c> unmonitored, <c>flights-monitored</c> with
/// <c>AddPredictionMonitoring</c> (a <see cref="MonitoringPredictionObserver{TIn}"/> feeding an <c>AddModelMonitor</c> monitor).
/// </summary>
public sealed class ServingHost : IDisposable
{
    private readonly TempFolder _folder;
    private readonly ServiceProvider _provider;

    /// <summary>The model name whose predictor records into the monitor.</summary>
    public const string MonitoredName = FlightModel.Name + "-monitored";

    private ServingHost(TempFolder folder, ServiceProvider provider, ModelArtifact artifact)
    {
        _folder = folder;
        _provider = provider;
        Predictor = provider.GetRequiredKeyedService<IPredictor<FlightFeatures, BinaryPrediction>>(FlightModel.Name);
        MonitoredPredictor = provider.GetRequiredKeyedService<IPredictor<FlightFeatures, BinaryPrediction>>(MonitoredName);
        Observer = (MonitoringPredictionObserver<FlightFeatures>)provider.GetRequiredKeyedService<IPredictionObserver<FlightFeatures, BinaryPrediction>>(MonitoredName);
        Artifact = artifact;
    }

    /// <summary>The MlValue predictor bound to <c>flights@champion</c>, no observer.</summary>
    public IPredictor<FlightFeatures, BinaryPrediction> Predictor { get; }

    /// <summary>The MlValue predictor bound to <c>flights-monitored@champion</c> (same artifact), monitored.</summary>
    public IPredictor<FlightFeatures, BinaryPrediction> MonitoredPredictor { get; }

    /// <summary>The observer of <see cref="MonitoredPredictor"/>.</summary>
    public MonitoringPredictionObserver<FlightFeatures> Observer { get; }

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
            .UseSqlite().AddModelRegistry(o => o.RootDirectory = Path.Combine(folder.Path, "registry"))
            .AddTraining()
            .AddPredictor<FlightFeatures, BinaryPrediction>(FlightModel.Name)
            .AddPredictor<FlightFeatures, BinaryPrediction>(MonitoredName)
            .AddModelMonitoring(o => o.SaveInterval = TimeSpan.Zero)
            .AddModelMonitor(MonitoredName, FlightMonitor.Schema(), _ => ReferenceProfile.Build(FlightMonitor.Schema(), rows, r => r.Label ? 0.8 : 0.2))
            .AddPredictionMonitoring<FlightFeatures>(MonitoredName);
        var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IModelRegistry>();
        var dataset = Dataset.FromRecords(rows, new DatasetProvenance { Source = "synthetic-flights" });
        var trainer = MlNetTrainers.Tabular<FlightFeatures>(PredictionTask.BinaryClassification, FlightModel.Options(trees));
        var trained = trainer.TrainAsync(TrainingSet<FlightFeatures>.FromRecords(rows, [dataset.Id], FlightModel.Seed)).GetAwaiter().GetResult();
        foreach (var name in new[] { FlightModel.Name, MonitoredName })
        {
            var version = registry.RegisterAsync(new ModelRegistration
            {
                ModelName = name,
                Artifact = trained.Artifact,
                TrainerName = trained.TrainerName,
                TrainingDatasetIds = [dataset.Id],
                Metrics = trained.Metrics,
            }).GetAwaiter().GetResult();
            registry.SetAliasAsync(name, "champion", version.Version, expectedCurrentVersion: null, "benchmark").GetAwaiter().GetResult();
            provider.GetRequiredKeyedService<IPredictor<FlightFeatures, BinaryPrediction>>(name).WarmUpAsync().GetAwaiter().GetResult();
        }

        return new ServingHost(folder, provider, trained.Artifact);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _provider.Dispose();
        _folder.Dispose();
    }
}
