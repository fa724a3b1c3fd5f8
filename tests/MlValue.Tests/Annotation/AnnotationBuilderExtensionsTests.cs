using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using MlValue.Annotation;
using MlValue.Diagnostics;

namespace MlValue.Tests.Annotation;

[TestClass]
public sealed class AnnotationBuilderExtensionsTests
{
    [TestMethod]
    public void AddAnnotation_Defaults_QueueUnderRootDirectoryAnnotation()
    {
        using var provider = new ServiceCollection().AddMlValue(o => o.RootDirectory = "store").AddAnnotation().Services.BuildServiceProvider();

        var queue = provider.GetRequiredService<AnnotationTaskQueue>();

        Assert.AreEqual(Path.GetFullPath(Path.Combine("store", "annotation")), queue.RootDirectory);
        Assert.AreEqual(0.8, provider.GetRequiredService<IOptions<AnnotationOptions>>().Value.ModelConfidenceThreshold);
    }

    [TestMethod]
    public void AddAnnotation_FromConfiguration_BindsSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MlValue:Annotation:RootDirectory"] = "labels",
            ["MlValue:Annotation:ModelConfidenceThreshold"] = "0.9",
            ["MlValue:Annotation:TieBreak"] = "HighestConfidence",
        }).Build();
        using var provider = new ServiceCollection().AddMlValue(configuration.GetSection("MlValue")).AddAnnotation().Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AnnotationOptions>>().Value;

        Assert.AreEqual((0.9, TieBreak.HighestConfidence), (options.ModelConfidenceThreshold, options.TieBreak));
        Assert.AreEqual(Path.GetFullPath("labels"), provider.GetRequiredService<AnnotationTaskQueue>().RootDirectory);
    }

    [TestMethod]
    public void AddAnnotation_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddMlValue().AddAnnotation();
        var count = services.Count;

        services.AddMlValue().AddAnnotation();

        Assert.AreEqual(count, services.Count);
    }

    [TestMethod]
    public void AddAnnotation_ThresholdOutOfRange_FailsNamingSetting()
    {
        using var provider = new ServiceCollection().AddMlValue().AddAnnotation(o => o.ModelConfidenceThreshold = 1.5).Services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<AnnotationOptions>>().Value);
        StringAssert.Contains(error.Message, "MlValue:Annotation:ModelConfidenceThreshold");
    }

    [TestMethod]
    public void AddAnnotation_BlankRootDirectory_FailsNamingSetting()
    {
        using var provider = new ServiceCollection().AddMlValue().AddAnnotation(o => o.RootDirectory = " ").Services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<AnnotationOptions>>().Value);
        StringAssert.Contains(error.Message, "MlValue:Annotation:RootDirectory");
    }

    [TestMethod]
    public async Task Annotators_RecordLabelAndAbstainCounters_TaggedByAnnotator()
    {
        using var labels = new MetricCollector<long>(MlValueTelemetry.Meter, "mlvalue.annotation.labels");
        using var abstains = new MetricCollector<long>(MlValueTelemetry.Meter, "mlvalue.annotation.abstains");
        var annotator = new ModelAssistedAnnotator<string, string>("telemetry-probe", s => s, s => ("x", s.Length / 10.0), 0.5);

        await annotator.AnnotateAsync(["a", "bbbbbb", "cccccccc"]);

        Assert.AreEqual(2, Sum(labels, "telemetry-probe"));
        Assert.AreEqual(1, Sum(abstains, "telemetry-probe"));
    }

    private static long Sum(MetricCollector<long> collector, string annotator)
        => collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags["mlvalue.annotator"], annotator)).Sum(m => m.Value);
}
