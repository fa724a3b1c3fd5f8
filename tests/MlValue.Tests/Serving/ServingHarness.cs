using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using MlValue.DependencyInjection;
using MlValue.Diagnostics;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Testing;
using MlValue.Training;

namespace MlValue.Tests.Serving;

/// <summary>A service collection with MlValue, the in-memory registry, the test formats and a fake clock.</summary>
internal sealed class ServingHarness : IDisposable
{
    private ServiceProvider? _provider;

    public ServingHarness(IConfiguration? configuration = null)
    {
        Registry = new InMemoryModelRegistry(Time);
        Builder = Services.AddMlValue(configuration);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton<IModelRegistry>(Registry);
        Services.AddSingleton<IModelFormat>(Constants);
        Services.AddSingleton<IModelFormat>(new ThresholdFormat());
        Services.AddSingleton<IModelFormat>(new BrokenFormat());
        Services.AddFakeLogging();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));

    public InMemoryModelRegistry Registry { get; }

    public ConstantFormat Constants { get; } = new();

    public ServiceCollection Services { get; } = new();

    public MlValueBuilder Builder { get; }

    public ServiceProvider Provider => _provider ??= Services.BuildServiceProvider();

    /// <summary>Publishes a constant model answering <paramref name="value"/>; returns its version.</summary>
    public int PublishConstant(string model, int value) => Registry.Publish(model, ConstantFormat.Id, ConstantFormat.Artifact(value));

    public IPredictor<TestInput, TestOutput> Constant(string model) => Provider.GetRequiredKeyedService<IPredictor<TestInput, TestOutput>>(model);

    public static MetricCollector<long> Collect(string instrument) => new(MlValueTelemetry.Meter, instrument);

    public static long Sum(MetricCollector<long> collector, string model)
        => collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags["mlvalue.model.name"], model)).Sum(m => m.Value);

    public void Dispose() => _provider?.Dispose();
}
