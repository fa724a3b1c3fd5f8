using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlValue.Monitoring;
using MlValue.Samples.WebApi;

namespace MlValue.Tests.Samples;

/// <summary>The web API sample on an in-memory test server: trains on first start, serves, joins outcomes, exports metrics.</summary>
[TestClass]
public sealed class WebApiSampleTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "spamassassin-sample.jsonl.gz");

    [TestMethod]
    public async Task FirstStart_EmptyStore_TrainsPromotesAndServesVersion1WithOutcomesHealthAndMetrics()
    {
        var store = Path.Combine(Path.GetTempPath(), "mlvalue-webapi-" + Guid.NewGuid().ToString("N"));
        try
        {
            var queueDir = Path.Combine(store, "hard-ham-queue");
            var queue = new MlValue.Annotation.AnnotationTaskQueue(queueDir, TimeProvider.System);
            await queue.ExportAsync<HardHam, string>([new HardHam("hard-ham-1/0042", "Re: <b>your</b> order", "Thanks, it shipped.")], m => m.Key, null, Path.Combine(store, "tasks.jsonl"));
            await using (var app = new Factory(store, Fixture, annotator: "reviewer2", annotationDir: queueDir))
            {
                using var client = app.CreateClient();

                var (predict, answer) = await PostAsync(client, "/models/spam-filter/predict", """{"subject":"Cheap mortgage offer, click here","body":"Free money! Click here to remove your debt. 100% guaranteed."}""");
                Assert.AreEqual(HttpStatusCode.OK, predict.StatusCode, answer.ToJsonString());
                Assert.AreEqual("spam-filter", (string?)answer["modelName"]);
                Assert.AreEqual("1", (string?)answer["modelVersion"]);
                Assert.IsTrue((bool?)answer["value"]?["predictedLabel"], answer.ToJsonString());
                var correlationId = (string?)answer["correlationId"];
                Assert.IsFalse(string.IsNullOrEmpty(correlationId));

                using (var ready = await client.GetAsync(new Uri("/v2/health/ready", UriKind.Relative)))
                {
                    Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode);
                }

                var (outcome, recorded) = await PostAsync(client, "/models/spam-filter/outcomes", new JsonObject { ["correlationId"] = correlationId, ["label"] = true }.ToJsonString());
                Assert.IsTrue(outcome.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, recorded.ToJsonString());
                Assert.AreEqual("recorded", (string?)recorded["status"]);

                using (var health = await client.GetAsync(new Uri("/health", UriKind.Relative)))
                {
                    Assert.AreEqual(HttpStatusCode.OK, health.StatusCode);
                    Assert.AreEqual("Healthy", await health.Content.ReadAsStringAsync());
                }

                var page = await client.GetStringAsync(new Uri("/mlvalue/models/spam-filter", UriKind.Relative));
                StringAssert.Contains(page, "<title>Model spam-filter · Spam filter</title>");
                StringAssert.Contains(page, "champion → <span data-current=\"1\">v1</span>");
                Assert.IsFalse(page.Contains("<form", StringComparison.Ordinal), "the sample's page is read-only");

                var label = await client.GetStringAsync(new Uri("/label/", UriKind.Relative));
                StringAssert.Contains(label, "<h1>Task 1 of 1</h1>");
                StringAssert.Contains(label, "Re: &lt;b&gt;your&lt;/b&gt; order");
                StringAssert.Contains(label, "<kbd>1</kbd> spam</button>");

                var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                StringAssert.Contains(metrics, "mlvalue_serving_predictions_total{");
                StringAssert.Contains(metrics, "mlvalue_model_name=\"spam-filter\"");
                SaveAndCloseMonitor(app);
            }

            // Second start on the same store, without a fixture: the champion is loaded, not retrained.
            await using (var again = Start(store, fixture: null))
            {
                using var client = again.CreateClient();
                var (predict, answer) = await PostAsync(client, "/models/spam-filter/predict", """{"subject":"Re: patch for the build script","body":"Looks good to me, I merged it."}""");
                Assert.AreEqual(HttpStatusCode.OK, predict.StatusCode, answer.ToJsonString());
                Assert.AreEqual("1", (string?)answer["modelVersion"]);
                Assert.IsFalse((bool?)answer["value"]?["predictedLabel"], answer.ToJsonString());
                SaveAndCloseMonitor(again);
            }
        }
        finally
        {
            if (Directory.Exists(store))
            {
                Directory.Delete(store, recursive: true);
            }
        }
    }

    /// <summary>
    /// Saves the monitor's state for the last time now. The sample's entry point disposes its own host after the factory
    /// stops it, on its own thread, so the save of the monitor's disposal would otherwise race the folder's deletion.
    /// </summary>
    private static void SaveAndCloseMonitor(WebApplicationFactory<Program> app)
    {
        var monitor = app.Services.GetRequiredKeyedService<IModelMonitor<MailInput>>("spam-filter");
        Assert.IsInstanceOfType<IDisposable>(monitor).Dispose();
    }

    private static WebApplicationFactory<Program> Start(string store, string? fixture)
        => new Factory(store, fixture);

    private static async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonNode.Parse(text) ?? new JsonObject());
    }

    private sealed record HardHam(string Key, string Subject, string Body);

    private sealed class Factory(string store, string? fixture, string? annotator = null, string? annotationDir = null) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("WebApi:Annotator", annotator);
            builder.UseSetting("WebApi:AnnotationDir", annotationDir);
            builder.UseEnvironment("Testing");
            builder.ConfigureLogging(logging => logging.ClearProviders());
            builder.UseSetting("WebApi:StoreDir", store);
            builder.UseSetting("WebApi:Fixture", fixture);
            builder.UseSetting("WebApi:WordNgramLength", "1");
            builder.UseSetting("WebApi:MaxBodyLength", "1000");
        }
    }
}
