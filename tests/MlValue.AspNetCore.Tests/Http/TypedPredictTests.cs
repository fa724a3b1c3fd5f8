using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MlValue.AspNetCore;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Http;

[TestClass]
public sealed class TypedPredictTests
{
    [TestMethod]
    public async Task Predict_Object_AnswersValueVersionArmAndCallersCorrelationId()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/models/spam/predict", """{"text": "win now", "score": 1.2, "links": 1}""", correlationId: "req-7");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(0.7, body["value"]!["probability"]!.GetValue<double>(), 1e-6, "0.5 × 1.2 + 0.1 × 1");
        Assert.IsTrue(body["value"]!["predictedLabel"]!.GetValue<bool>());
        Assert.AreEqual("spam", body["modelName"]!.GetValue<string>());
        Assert.AreEqual("1", body["modelVersion"]!.GetValue<string>());
        Assert.AreEqual("primary", body["arm"]!.GetValue<string>());
        Assert.AreEqual("req-7", body["correlationId"]!.GetValue<string>());
        Assert.AreEqual("1", response.Headers.GetValues("MlValue-Model-Version").Single());
        Assert.AreEqual("req-7", response.Headers.GetValues("MlValue-Correlation-Id").Single());
    }

    [TestMethod]
    public async Task Predict_NoCorrelationHeader_GeneratesOneInBodyAndHeader()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/models/spam/predict", """{"text": "hi", "score": 0.2, "links": 0}""");

        var id = body["correlationId"]!.GetValue<string>();
        Assert.AreEqual(32, id.Length, id);
        Assert.IsTrue(id.All(Uri.IsHexDigit), id);
        Assert.AreEqual(id, response.Headers.GetValues("MlValue-Correlation-Id").Single());
    }

    [TestMethod]
    public async Task Predict_Array_AnswersArrayInOrderWithOneCorrelationIdPerRecord()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/models/spam/predict", """[{"text": "a", "score": 0.2, "links": 0}, {"text": "b", "score": 2, "links": 0}]""", correlationId: "batch-1");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var items = body.AsArray();
        Assert.HasCount(2, items);
        Assert.IsFalse(items[0]!["value"]!["predictedLabel"]!.GetValue<bool>());
        Assert.IsTrue(items[1]!["value"]!["predictedLabel"]!.GetValue<bool>());
        Assert.AreEqual("batch-1.0", items[0]!["correlationId"]!.GetValue<string>());
        Assert.AreEqual("batch-1.1", items[1]!["correlationId"]!.GetValue<string>());
        Assert.AreEqual("batch-1", response.Headers.GetValues("MlValue-Correlation-Id").Single());
    }

    [TestMethod]
    public async Task Predict_MalformedJson_400ProblemNeverReachesModel()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/models/spam/predict", """{"text": "a", "score": """);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains(body["detail"]!.GetValue<string>(), "not valid JSON");
        Assert.AreEqual(0, app.Format.Calls);
    }

    [TestMethod]
    public async Task Predict_MissingField_400NamesTheField()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/models/spam/predict", """{"text": "a", "links": 0}""");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(body["detail"]!.GetValue<string>(), "The field 'score' is missing");
        Assert.AreEqual(0, app.Format.Calls);
    }

    [TestMethod]
    public async Task Predict_WrongType_400NamesTheFieldAndTheExpectedType()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/models/spam/predict", """[{"text": "a", "score": 1, "links": 0}, {"text": "b", "score": "high", "links": 0}]""");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = body["detail"]!.GetValue<string>();
        StringAssert.Contains(detail, "The field 'score' in record [1] has the wrong type, expected a number");
        Assert.AreEqual(0, app.Format.Calls, "the whole batch is checked before the model is asked");
    }

    [TestMethod]
    public async Task Predict_UnknownModel_404ProblemNamesServedModels()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/models/churn/predict", """{"text": "a", "score": 1, "links": 0}""");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual("Model 'churn' is not served here; served: 'spam'.", body["detail"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task Predict_BodyOverConfiguredLimit_413NeverReachesModel()
    {
        await using var app = await ServingApp.StartAsync(configuration: new Dictionary<string, string?> { ["MlValue:AspNetCore:MaxRequestBodyBytes"] = "64" });

        var (response, body) = await app.PostAsync("/models/spam/predict", $$"""{"text": "{{new string('x', 100)}}", "score": 1, "links": 0}""");

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        StringAssert.Contains(body["detail"]!.GetValue<string>(), "at most 64 are accepted (MlValue:AspNetCore:MaxRequestBodyBytes)");
        Assert.AreEqual(0, app.Format.Calls);
    }

    [TestMethod]
    public async Task Predict_BodyWithoutContentLength_IsReadWholeAndOverTheLimit413()
    {
        await using var app = await ServingApp.StartAsync(configuration: new Dictionary<string, string?> { ["MlValue:AspNetCore:MaxRequestBodyBytes"] = "64" });

        using var small = await app.Client.SendAsync(Unsized("""{"text": "a", "score": 1.2, "links": 1}"""));
        using var large = await app.Client.SendAsync(Unsized($$"""{"text": "{{new string('x', 100)}}", "score": 1, "links": 0}"""));

        Assert.AreEqual(HttpStatusCode.OK, small.StatusCode, await small.Content.ReadAsStringAsync());
        var value = System.Text.Json.Nodes.JsonNode.Parse(await small.Content.ReadAsStringAsync())!["value"]!;
        Assert.AreEqual(0.7, value["probability"]!.GetValue<double>(), 1e-6, "the whole body was read");
        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        StringAssert.Contains(await large.Content.ReadAsStringAsync(), "at most 64 are accepted");
        Assert.AreEqual(1, app.Format.Calls);
    }

    [TestMethod]
    public async Task Predict_BatchOverConfiguredSize_413()
    {
        await using var app = await ServingApp.StartAsync(configuration: new Dictionary<string, string?> { ["MlValue:AspNetCore:MaxBatchSize"] = "2" });

        var (response, body) = await app.PostAsync("/models/spam/predict", """[{"text": "a", "score": 1, "links": 0}, {"text": "a", "score": 1, "links": 0}, {"text": "a", "score": 1, "links": 0}]""");

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        StringAssert.Contains(body["detail"]!.GetValue<string>(), "The batch has 3 records; at most 2");
    }

    [TestMethod]
    public async Task Predict_NoChampionLoaded_503WithRetryAfter()
    {
        await using var app = await ServingApp.StartAsync(champion: null, configuration: new Dictionary<string, string?> { ["MlValue:AspNetCore:RetryAfterSeconds"] = "7" });

        var (response, body) = await app.PostAsync("/models/spam/predict", """{"text": "a", "score": 1, "links": 0}""");

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.AreEqual(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        StringAssert.Contains(body["detail"]!.GetValue<string>(), "Model 'spam' has no loaded version yet");
        Assert.AreEqual(0, app.Format.Calls);
    }

    [TestMethod]
    public async Task Predict_RoutePrefix_MapsUnderIt()
    {
        await using var app = await ServingApp.StartAsync(configuration: new Dictionary<string, string?> { ["MlValue:AspNetCore:RoutePrefix"] = "/api/" });

        var (response, _) = await app.PostAsync("/api/models/spam/predict", """{"text": "a", "score": 1, "links": 0}""");
        var (unprefixed, _) = await app.PostAsync("/v2/models/spam/infer", "{}");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, unprefixed.StatusCode);
    }

    [TestMethod]
    public async Task MapPredictor_ReturnedGroup_CarriesConventionsToEveryModelRouteNotToTheProbes()
    {
        await using var app = await ServingApp.StartAsync(map: web =>
        {
            web.Use((context, next) => context.GetEndpoint()?.Metadata.GetMetadata<Guarded>() is null ? next(context) : Results.StatusCode(401).ExecuteAsync(context));
            web.MapPredictor<SpamInput, BinaryPrediction>("spam").WithMetadata(new Guarded());
        });

        var (predict, _) = await app.PostAsync("/models/spam/predict", """{"text": "a", "score": 1, "links": 0}""");
        var (infer, _) = await app.PostAsync("/v2/models/spam/versions/1/infer", "{}");
        var (live, _) = await app.GetAsync("/v2/health/live");

        Assert.AreEqual(HttpStatusCode.Unauthorized, predict.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, infer.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, live.StatusCode, "the shared probes are outside the group");
        Assert.AreEqual(0, app.Format.Calls);
    }

    [TestMethod]
    public async Task Options_InvalidSetting_FailsAtStartNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServingApp.StartAsync(configuration: new Dictionary<string, string?> { ["MlValue:AspNetCore:MaxBatchSize"] = "0" }));

        StringAssert.Contains(error.Message, "MlValue:AspNetCore:MaxBatchSize must be at least 1; it is 0.");
    }

    private sealed class Guarded;

    /// <summary>A POST whose body length is not known in advance (sent without Content-Length).</summary>
    private static HttpRequestMessage Unsized(string json)
    {
        var content = new StreamContent(new UnseekableStream(System.Text.Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        Assert.IsNull(content.Headers.ContentLength);
        return new HttpRequestMessage(HttpMethod.Post, "/models/spam/predict") { Content = content };
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
