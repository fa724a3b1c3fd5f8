using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML;
using MlValue.Benchmarks.Support;
using MlValue.Data;
using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Benchmarks.Training;

/// <summary>
/// Target 5: training through MlValue — dataset id (<c>Dataset.FromRecords</c>), the tabular FastTree trainer
/// (validation, fit, training metrics, serialisation) and registration in the SQLite registry — against the same
/// ML.NET pipeline's <c>Fit</c> on the same rows.
/// </summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private TempFolder _folder = null!;
    private ServiceProvider _provider = null!;
    private IModelRegistry _registry = null!;
    private ITrainer<FlightFeatures> _trainer = null!;
    private FlightFeatures[] _rows = null!;
    private int _trees;

    /// <summary>Training rows.</summary>
    [Params(20_000)]
    public int Rows { get; set; }

    /// <summary>Generates the rows and opens the registry.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rows = FlightFeatures.Generate(BenchmarkSettings.Smoke ? 300 : Rows, seed: 1);
        _trees = BenchmarkSettings.Scale(100, 3);
        _folder = new TempFolder("mlvalue-bench-training");
        var services = new ServiceCollection();
        services.AddMlValue(o => o.RootDirectory = _folder.Path).UseSqlite().AddModelRegistry(o => o.RootDirectory = Path.Combine(_folder.Path, "registry"));
        _provider = services.BuildServiceProvider();
        _registry = _provider.GetRequiredService<IModelRegistry>();
        _trainer = MlNetTrainers.Tabular<FlightFeatures>(PredictionTask.BinaryClassification, FlightModel.Options(_trees));
    }

    /// <summary>Closes the registry and deletes its folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _folder.Dispose();
    }

    /// <summary>The same pipeline fitted directly with ML.NET.</summary>
    /// <returns>The model.</returns>
    [Benchmark(Baseline = true)]
    public ITransformer RawMlNetFit()
    {
        var ml = new MLContext(FlightModel.Seed);
        return FlightModel.RawPipeline(ml, _trees).Fit(ml.Data.LoadFromEnumerable(_rows));
    }

    /// <summary>Dataset id, MlValue trainer, registration.</summary>
    /// <returns>The registered version.</returns>
    [Benchmark]
    public async Task<ModelVersion> MlValueTrainAndRegister()
    {
        var dataset = Dataset.FromRecords(_rows, new DatasetProvenance { Source = "synthetic-flights" });
        var trained = await _trainer.TrainAsync(TrainingSet<FlightFeatures>.FromRecords(_rows, [dataset.Id], FlightModel.Seed));
        return await _registry.RegisterAsync(new ModelRegistration
        {
            ModelName = FlightModel.Name,
            Artifact = trained.Artifact,
            TrainerName = trained.TrainerName,
            Hyperparameters = trained.Hyperparameters,
            Seed = trained.Seed,
            TrainingDatasetIds = trained.DatasetIds,
            Metrics = trained.Metrics,
        });
    }
}
