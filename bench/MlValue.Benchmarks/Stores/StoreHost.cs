using Microsoft.Extensions.DependencyInjection;
using MlValue.Benchmarks.Support;
using MlValue.Data;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Training;
using Npgsql;

namespace MlValue.Benchmarks.Stores;

/// <summary>The two stores the store benchmarks compare.</summary>
public enum StoreKind
{
    /// <summary><c>UseSqlite()</c>: registry metadata in SQLite, artifacts in the content-addressed folder, in a temp folder.</summary>
    Sqlite,

    /// <summary><c>UsePostgreSql(...)</c> on <c>MLVALUE_POSTGRES</c>: metadata and artifacts in a fresh schema, dropped afterwards.</summary>
    PostgreSql,
}

/// <summary>
/// One container on one store: the registry and a predictor bound to <c>flights@champion</c> (polling off, so only
/// <see cref="IPredictor{TInput, TOutput}.RefreshAsync"/> swaps versions). Everything but the store call is the same on both.
/// </summary>
public sealed class StoreHost : IDisposable
{
    /// <summary>The environment variable with the PostgreSQL connection string (<c>eng/postgres.sh start</c> exports it).</summary>
    public const string PostgresVariable = "MLVALUE_POSTGRES";

    private readonly TempFolder _folder;
    private readonly ServiceProvider _provider;
    private readonly string? _connectionString;
    private readonly string? _schema;

    private StoreHost(StoreKind kind)
    {
        Kind = kind;
        _connectionString = kind == StoreKind.PostgreSql ? PostgresConnectionString() : null;
        _folder = new TempFolder("mlvalue-bench-store-" + kind.ToString().ToLowerInvariant());
        var services = new ServiceCollection();
        var builder = services.AddMlValue(o => o.RootDirectory = _folder.Path);
        if (_connectionString is not null)
        {
            _schema = "bench_" + Guid.NewGuid().ToString("N");
            var connectionString = _connectionString;
            var schema = _schema;
            builder.UsePostgreSql(o =>
            {
                o.ConnectionString = connectionString;
                o.Schema = schema;
            });
        }
        else
        {
            builder.UseSqlite();
        }

        builder.AddModelRegistry(o => o.CodeVersion = "benchmark")
            .AddTraining()
            .AddPredictor<FlightFeatures, BinaryPrediction>(FlightModel.Name, configure: o => o.PollInterval = TimeSpan.Zero);
        _provider = services.BuildServiceProvider();
        Registry = _provider.GetRequiredService<IModelRegistry>();
        Predictor = _provider.GetRequiredKeyedService<IPredictor<FlightFeatures, BinaryPrediction>>(FlightModel.Name);
    }

    /// <summary>The store.</summary>
    public StoreKind Kind { get; }

    /// <summary>The registry on that store.</summary>
    public IModelRegistry Registry { get; }

    /// <summary>The predictor of <c>flights@champion</c> on that registry (not warmed up until <see cref="ServeAsync"/>).</summary>
    public IPredictor<FlightFeatures, BinaryPrediction> Predictor { get; }

    /// <summary>Opens a container on <paramref name="kind"/>.</summary>
    /// <param name="kind">The store.</param>
    /// <returns>The host.</returns>
    public static StoreHost Create(StoreKind kind) => new(kind);

    /// <summary>The PostgreSQL connection string from <c>MLVALUE_POSTGRES</c>.</summary>
    /// <returns>The connection string.</returns>
    /// <exception cref="InvalidOperationException">The variable is not set; the message names the script that starts a server.</exception>
    public static string PostgresConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"The PostgreSQL store benchmarks need a server: {PostgresVariable} is not set. Run `eval \"$(bash eng/postgres.sh start)\"` (a throwaway server on 127.0.0.1 that exports {PostgresVariable}), run again, then `bash eng/postgres.sh stop`.")
            : value;
    }

    /// <summary>Trains the benchmark model once (FastTree on synthetic flights).</summary>
    /// <param name="rows">Training rows.</param>
    /// <param name="trees">Number of trees.</param>
    /// <returns>The trained model (artifact, trainer, metrics).</returns>
    public static TrainedModel Train(int rows, int trees)
    {
        var data = FlightFeatures.Generate(rows, seed: 1);
        var dataset = Dataset.FromRecords(data, new DatasetProvenance { Source = "synthetic-flights" });
        var trainer = MlNetTrainers.Tabular<FlightFeatures>(PredictionTask.BinaryClassification, FlightModel.Options(trees));
        return trainer.TrainAsync(TrainingSet<FlightFeatures>.FromRecords(data, [dataset.Id], FlightModel.Seed)).GetAwaiter().GetResult();
    }

    /// <summary>A registration of <paramref name="artifact"/> under <c>flights</c>.</summary>
    /// <param name="trained">The trained model.</param>
    /// <param name="artifact">The artifact to register (the trained one, or bytes made unique per registration).</param>
    /// <returns>The registration.</returns>
    public static ModelRegistration Registration(TrainedModel trained, ModelArtifact artifact) => new()
    {
        ModelName = FlightModel.Name,
        Artifact = artifact,
        TrainerName = trained.TrainerName,
        Hyperparameters = trained.Hyperparameters,
        Seed = trained.Seed,
        TrainingDatasetIds = trained.DatasetIds,
        Metrics = trained.Metrics,
    };

    /// <summary>Registers the model <paramref name="versions"/> times, points <c>champion</c> at the first and warms the predictor up.</summary>
    /// <param name="trained">The trained model.</param>
    /// <param name="versions">Versions to register.</param>
    /// <returns>The registered version numbers.</returns>
    public async Task<int[]> ServeAsync(TrainedModel trained, int versions)
    {
        var numbers = new int[versions];
        for (var i = 0; i < versions; i++)
        {
            numbers[i] = (await Registry.RegisterAsync(Registration(trained, trained.Artifact))).Version;
        }

        await Registry.SetAliasAsync(FlightModel.Name, "champion", numbers[0], expectedCurrentVersion: null, "benchmark");
        await Predictor.WarmUpAsync();
        return numbers;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _provider.Dispose();
        _folder.Dispose();
        if (_schema is not null)
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE;", connection);
            command.ExecuteNonQuery();
        }
    }
}
