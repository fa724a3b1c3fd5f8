using Microsoft.Extensions.DependencyInjection;
using MlValue.DependencyInjection;
using MlValue.Monitoring;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Tests.Serving;
using MlValue.Training;

namespace MlValue.Tests.Monitoring;

/// <summary>A monitor bound to a served model takes its reference from the version being served.</summary>
[TestClass]
public sealed class ServedReferenceTests
{
    private string _root = string.Empty;

    [TestInitialize]
    public void Init() => _root = Path.Combine(Path.GetTempPath(), "mlvalue-served-" + Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static MonitorSchema<TestInput> Schema() => new MonitorSchema<TestInput>(PredictionTask.Regression).Numeric("x", i => i.X);

    private static List<TestInput> Inputs(int count, int seed, double mean)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new TestInput { X = (float)(mean + (Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))) })];
    }

    [TestMethod]
    public async Task AddModelMonitor_ResolvedBeforeAnyChampion_TakesTheReferenceOncePromoted()
    {
        using var harness = Harness();
        var monitor = (ModelMonitor<TestInput>)harness.Provider.GetRequiredKeyedService<IModelMonitor<TestInput>>("price-monitor");
        var predictor = harness.Provider.GetRequiredKeyedService<IPredictor<TestInput, RegressionPrediction>>("price");
        await predictor.RefreshAsync();
        StringAssert.Contains(monitor.References.Single().Reason, "no version of model 'price' has been served yet");

        harness.Registry.Point("price", "champion", await RegisterAsync(harness, Reference(0)));
        await predictor.RefreshAsync();
        var window = Serve(harness, predictor, Inputs(200, 3, 0), "a");

        Assert.AreEqual("1", monitor.References[^1].Version);
        Assert.AreEqual("1", window.ReferenceVersion);
        Assert.AreEqual(DriftVerdict.Stable, window.Features[0].Verdict, window.Features[0].Reason);
    }

    [TestMethod]
    public async Task AddModelMonitor_ChampionChanges_DriftAfterTheChangeIsAgainstTheNewVersionsReference()
    {
        using var harness = Harness();
        harness.Registry.Point("price", "champion", await RegisterAsync(harness, Reference(0)));
        var predictor = harness.Provider.GetRequiredKeyedService<IPredictor<TestInput, RegressionPrediction>>("price");
        await predictor.WarmUpAsync();
        var before = Serve(harness, predictor, Inputs(200, 3, 0), "a");

        harness.Time.Advance(TimeSpan.FromHours(1));
        harness.Registry.Point("price", "champion", await RegisterAsync(harness, Reference(3)));
        await predictor.RefreshAsync();
        var after = Serve(harness, predictor, Inputs(200, 4, 3), "b");
        var monitor = harness.Provider.GetRequiredKeyedService<IModelMonitor<TestInput>>("price-monitor");
        var earlier = monitor.GetWindow(harness.Time.GetUtcNow().AddHours(-1), harness.Time.GetUtcNow());

        Assert.AreEqual(("1", "2"), (before.ReferenceVersion, after.ReferenceVersion));
        Assert.AreEqual(3, after.Features[0].ReferenceMean!.Value, 0.2);
        Assert.AreEqual(DriftVerdict.Stable, after.Features[0].Verdict, after.Features[0].Reason);
        Assert.AreEqual("1", earlier.ReferenceVersion, "the window before the change keeps the old reference");
        Assert.AreEqual(0, earlier.Features[0].ReferenceMean!.Value, 0.2);
    }

    [TestMethod]
    public async Task AddModelMonitor_ServedVersionWithoutReferenceAttachment_NoReferenceWithReasonAndNoError()
    {
        using var harness = Harness();
        harness.Registry.Point("price", "champion", harness.Registry.Publish("price", ClassFormat.Id, ClassFormat.Artifact("value")));
        var predictor = harness.Provider.GetRequiredKeyedService<IPredictor<TestInput, RegressionPrediction>>("price");
        await predictor.WarmUpAsync();

        var window = Serve(harness, predictor, Inputs(150, 5, 0), "a");

        Assert.AreEqual(150, window.Records);
        Assert.AreEqual(DriftVerdict.NoReference, window.Features[0].Verdict);
        StringAssert.Contains(window.Features[0].Reason, "version 1 of model 'price' has no 'reference-profile' attachment");
        Assert.IsTrue(predictor.GetStatus().Events.All(e => e.Succeeded));
    }

    private static ReferenceProfile Reference(double mean) => ReferenceProfile.Build(Schema(), Inputs(2000, 1, mean), i => i.X);

    private static async Task<int> RegisterAsync(ServingHarness harness, ReferenceProfile profile)
        => (await harness.Registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "price",
            Artifact = new ModelArtifact(ClassFormat.Id, ClassFormat.Artifact("value")),
            TrainerName = "test",
            TrainingDatasetIds = ["ds-train"],
            Attachments = new Dictionary<string, byte[]>([profile.ToAttachment()]),
        })).Version;

    /// <summary>Serves the inputs now and returns the window of the current hour.</summary>
    private static MonitorWindow Serve(ServingHarness harness, IPredictor<TestInput, RegressionPrediction> predictor, List<TestInput> inputs, string prefix)
    {
        for (var i = 0; i < inputs.Count; i++)
        {
            predictor.Predict(inputs[i], new PredictionRequest { CorrelationId = prefix + i });
        }

        var now = harness.Time.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        return harness.Provider.GetRequiredKeyedService<IModelMonitor<TestInput>>("price-monitor").GetWindow(hour, hour.AddHours(1));
    }

    private ServingHarness Harness()
    {
        var harness = new ServingHarness();
        harness.Services.Configure<MlValueOptions>(o => o.RootDirectory = _root);
        harness.Services.AddSingleton<IModelFormat>(new ClassFormat());
        harness.Builder
            .AddModelMonitor("price-monitor", Schema(), servedModel: "price")
            .AddPredictor<TestInput, RegressionPrediction>("price", configure: o => o.PollInterval = TimeSpan.Zero);
        return harness;
    }
}
