using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MlValue.DependencyInjection;
using MlValue.Monitoring;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Http;

[TestClass]
public sealed class OutcomeTests : TempRootTest
{
    [TestMethod]
    public async Task Outcome_KnownCorrelationId_RecordedInTheModelsMonitorAsLateLabel()
    {
        await using var app = await StartMonitoredAsync();
        var start = app.Time.GetUtcNow();
        await app.PostAsync("/models/spam/predict", """{"text": "win", "score": 2, "links": 0}""", correlationId: "m-1");
        app.Time.Advance(TimeSpan.FromMinutes(30));

        var (response, body) = await app.PostAsync("/models/spam/outcomes", """{"correlationId": "m-1", "label": true}""");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("recorded", body["status"]!.GetValue<string>());
        var monitor = app.App.Services.GetRequiredKeyedService<IModelMonitor<SpamInput>>("spam-monitor");
        var window = monitor.GetWindow(start.AddHours(-1), start.AddHours(1));
        Assert.AreEqual(1, window.Records);
        Assert.AreEqual(1, window.Performance.Labeled);
        Assert.AreEqual(1, window.Performance.TruePositives, "predicted positive (probability 1), labelled true");
    }

    [TestMethod]
    public async Task Outcome_UnknownCorrelationId_404ProblemSaysWhy()
    {
        await using var app = await StartMonitoredAsync();

        var (response, body) = await app.PostAsync("/models/spam/outcomes", """{"correlationId": "never-predicted", "label": 1}""");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual("Unknown correlation id", body["title"]!.GetValue<string>());
        StringAssert.Contains(body["detail"]!.GetValue<string>(), "No prediction of model 'spam' with correlation id 'never-predicted' is waiting for an outcome");
    }

    [TestMethod]
    public async Task Outcome_MissingLabel_400NamesTheField()
    {
        await using var app = await StartMonitoredAsync();

        var (response, body) = await app.PostAsync("/models/spam/outcomes", """{"correlationId": "m-1"}""");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(body["detail"]!.GetValue<string>(), "The field 'label' is missing");
    }

    [TestMethod]
    public async Task Outcome_ModelWithoutMonitor_404SaysHowToAddOne()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/models/spam/outcomes", """{"correlationId": "m-1", "label": 1}""");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        StringAssert.Contains(body["detail"]!.GetValue<string>(), "Model 'spam' has no monitor to record outcomes in");
    }

    private Task<ServingApp> StartMonitoredAsync()
        => ServingApp.StartAsync(configure: builder =>
        {
            builder.Services.Configure<MlValueOptions>(o => o.RootDirectory = Root);
            builder.AddModelMonitor("spam-monitor", new MonitorSchema<SpamInput>(PredictionTask.BinaryClassification).Numeric("score", i => i.Score), servedModel: "spam");
        });
}
