using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using MlValue.Diagnostics;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Tests.Serving;
using MlValue.Tests.Training;
using MlValue.Training;

namespace MlValue.Tests.Metering;

/// <summary>Meters come from the container's <see cref="IMeterFactory"/>; the static meter is only the fallback.</summary>
[TestClass]
public sealed class MeterFactoryTests
{
    private string _root = null!;

    [TestInitialize]
    public void Initialize() => _root = Path.Combine(Path.GetTempPath(), "mlvalue-meter-factory-" + Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [TestMethod]
    public void Predict_ContainerWithMetrics_CountedOnItsFactoryMeterOnly()
    {
        using var harness = new ServingHarness();
        harness.Services.AddMetrics();
        harness.Registry.Point("mf-serving", "champion", harness.PublishConstant("mf-serving", 1));
        harness.Builder.AddPredictor<TestInput, TestOutput>("mf-serving");
        using var other = new ServingHarness();
        other.Services.AddMetrics();
        using var predictions = new MetricCollector<long>(harness.Provider.GetRequiredService<IMeterFactory>(), MlValueTelemetry.Name, "mlvalue.serving.predictions");
        using var elsewhere = new MetricCollector<long>(other.Provider.GetRequiredService<IMeterFactory>(), MlValueTelemetry.Name, "mlvalue.serving.predictions");
        using var shared = new MetricCollector<long>(MlValueTelemetry.Meter, "mlvalue.serving.predictions");

        var predictor = harness.Constant("mf-serving");
        predictor.Predict(new TestInput());
        predictor.Predict(new TestInput());

        Assert.AreEqual(2, ServingHarness.Sum(predictions, "mf-serving"));
        Assert.AreEqual(0, ServingHarness.Sum(elsewhere, "mf-serving"));
        Assert.AreEqual(0, ServingHarness.Sum(shared, "mf-serving"));
    }

    [TestMethod]
    public async Task Register_SqliteRegistryInContainerWithMetrics_CountedOnItsFactoryMeterOnly()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddMlValue().UseSqlite().AddModelRegistry(o => o.RootDirectory = Path.Combine(_root, "a"));
        await using var provider = services.BuildServiceProvider();
        var otherServices = new ServiceCollection();
        otherServices.AddMetrics();
        otherServices.AddMlValue().UseSqlite().AddModelRegistry(o => o.RootDirectory = Path.Combine(_root, "b"));
        await using var otherProvider = otherServices.BuildServiceProvider();
        using var registered = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), MlValueTelemetry.Name, "mlvalue.registry.versions_registered");
        using var moves = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), MlValueTelemetry.Name, "mlvalue.registry.alias_moves");
        using var elsewhere = new MetricCollector<long>(otherProvider.GetRequiredService<IMeterFactory>(), MlValueTelemetry.Name, "mlvalue.registry.versions_registered");
        var registry = provider.GetRequiredService<IModelRegistry>();

        var version = await registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "mf-registry",
            Artifact = new ModelArtifact("mlnet-zip", "model bytes"u8),
            TrainerName = "sdca-logistic",
            TrainingDatasetIds = ["ds-train"],
        });
        await registry.SetAliasAsync("mf-registry", "champion", version.Version, expectedCurrentVersion: null, "first model");

        var measurement = registered.GetMeasurementSnapshot().Single();
        Assert.AreEqual(1, measurement.Value);
        Assert.AreEqual("mf-registry", measurement.Tags["mlvalue.model.name"]);
        Assert.AreEqual("champion", moves.GetMeasurementSnapshot().Single().Tags["mlvalue.alias"]);
        Assert.IsEmpty(elsewhere.GetMeasurementSnapshot());
    }

    [TestMethod]
    public async Task Train_ConfiguredTrainerInContainerWithMetrics_DurationOnItsFactoryMeter()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddMlValue().AddTraining(o => (o.Preset, o.BaselineLabelColumn) = (TrainingPreset.Baseline, nameof(SpamRecord.IsSpam)));
        await using var provider = services.BuildServiceProvider();
        using var duration = new MetricCollector<double>(provider.GetRequiredService<IMeterFactory>(), MlValueTelemetry.Name, "mlvalue.training.duration");
        var trainer = provider.GetRequiredService<ITrainer<SpamRecord>>();

        await trainer.TrainAsync(TrainingSet<SpamRecord>.FromRecords(TrainingTestData.SmallSpam(), TrainingTestData.DatasetIds, 5));

        Assert.AreEqual(trainer.Name, duration.GetMeasurementSnapshot().Single().Tags["mlvalue.trainer"]);
    }

    [TestMethod]
    public void For_NullFactory_IsTheSharedMeter()
    {
        Assert.AreSame(MlValueMeter.Shared, MlValueMeter.For(null));
        Assert.AreSame(MlValueTelemetry.Meter, MlValueMeter.For(null).Meter);
        Assert.AreEqual(MlValueTelemetry.Name, MlValueMeter.Shared.Meter.Name);
        Assert.IsNull(MlValueMeter.Shared.Meter.Scope);
    }

    [TestMethod]
    public void For_Factory_OneInstancePerFactoryWithItsOwnMeter()
    {
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var otherProvider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = provider.GetRequiredService<IMeterFactory>();
        var otherFactory = otherProvider.GetRequiredService<IMeterFactory>();

        var first = MlValueMeter.For(factory);

        Assert.AreSame(first, MlValueMeter.For(factory));
        Assert.AreNotSame(first, MlValueMeter.For(otherFactory));
        Assert.AreNotSame(MlValueMeter.Shared, first);
        Assert.AreSame(factory, first.Meter.Scope);
        Assert.AreEqual(MlValueTelemetry.Name, first.Meter.Name);
        Assert.AreEqual(MlValueMeter.Shared.Meter.Version, first.Meter.Version);
    }

    [TestMethod]
    public void RegistryTelemetry_WithFactory_ReportsOnTheFactoryMeter()
    {
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = provider.GetRequiredService<IMeterFactory>();
        using var registered = new MetricCollector<long>(factory, MlValueTelemetry.Name, "mlvalue.registry.versions_registered");
        using var moves = new MetricCollector<long>(factory, MlValueTelemetry.Name, "mlvalue.registry.alias_moves");
        using var failures = new MetricCollector<long>(factory, MlValueTelemetry.Name, "mlvalue.registry.integrity_failures");
        var telemetry = new RegistryTelemetry(factory);

        telemetry.RecordVersionRegistered("mf-store");
        new RegistryTelemetry(factory).RecordVersionRegistered("mf-store");
        telemetry.RecordAliasMove("champion");
        telemetry.RecordIntegrityFailure("mf-store");

        Assert.AreEqual(2, registered.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.IsTrue(registered.GetMeasurementSnapshot().All(m => Equals(m.Tags["mlvalue.model.name"], "mf-store")));
        Assert.AreEqual("{version}", registered.Instrument!.Unit);
        Assert.AreEqual("champion", moves.GetMeasurementSnapshot().Single().Tags["mlvalue.alias"]);
        Assert.AreEqual("mf-store", failures.GetMeasurementSnapshot().Single().Tags["mlvalue.model.name"]);
    }

    [TestMethod]
    public void TrainingTelemetry_WithFactory_ReportsDurationOnTheFactoryMeterAndStartsTheActivity()
    {
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = provider.GetRequiredService<IMeterFactory>();
        using var duration = new MetricCollector<double>(factory, MlValueTelemetry.Name, "mlvalue.training.duration");
        using var shared = new MetricCollector<double>(MlValueTelemetry.Meter, "mlvalue.training.duration");
        var started = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MlValueTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a =>
            {
                lock (started)
                {
                    started.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var telemetry = new TrainingTelemetry(factory);

        using (telemetry.StartActivity("mf-trainer", PredictionTask.BinaryClassification, 7))
        {
            telemetry.RecordDuration("mf-trainer", TimeSpan.FromSeconds(1.5));
        }

        var measurement = duration.GetMeasurementSnapshot().Single();
        Assert.AreEqual(1.5, measurement.Value);
        Assert.AreEqual("mf-trainer", measurement.Tags["mlvalue.trainer"]);
        Assert.AreEqual("s", duration.Instrument!.Unit);
        Assert.IsFalse(shared.GetMeasurementSnapshot().Any(m => Equals(m.Tags["mlvalue.trainer"], "mf-trainer")));
        Activity activity;
        lock (started)
        {
            activity = started.Single(a => Equals(a.GetTagItem("mlvalue.trainer"), "mf-trainer"));
        }

        Assert.AreEqual("mlvalue.training", activity.OperationName);
        Assert.AreEqual("BinaryClassification", activity.GetTagItem("mlvalue.task"));
        Assert.AreEqual(7, activity.GetTagItem("mlvalue.seed"));
    }
}
