using System.Net;
using System.Text.Json.Nodes;
using MlValue.Tests.Support;

namespace MlValue.Tests.OpenInference;

[TestClass]
public sealed class OipInferTests
{
    private const string InferPath = "/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}/infer";

    private const string TwoRows = """
        {
          "id": "r-1",
          "inputs": [
            { "name": "text", "shape": [2], "datatype": "BYTES", "data": ["win now", "hello"] },
            { "name": "score", "shape": [2], "datatype": "FP32", "data": [1.2, 0.2] },
            { "name": "links", "shape": [2], "datatype": "INT32", "data": [1, 0] }
          ]
        }
        """;

    [TestMethod]
    public async Task Infer_FlatTensors_OutputTensorsValidAgainstTheYamlIdEchoed()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/v2/models/spam/infer", TwoRows);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body.ToJsonString());
        OipSchemas.AssertValid(OipSchemas.RequestSchemaName(InferPath, "post"), JsonNode.Parse(TwoRows)!);
        OipSchemas.AssertValid(OipSchemas.ResponseSchemaName(InferPath, "post", "200"), body);
        Assert.AreEqual("spam", body["model_name"]!.GetValue<string>());
        Assert.AreEqual("1", body["model_version"]!.GetValue<string>());
        Assert.AreEqual("r-1", body["id"]!.GetValue<string>());
        var labels = body["outputs"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "predictedLabel")!;
        Assert.AreEqual("""{"name":"predictedLabel","datatype":"BOOL","shape":[2],"data":[true,false]}""", labels.ToJsonString());
    }

    [TestMethod]
    public async Task Infer_NestedDataShapeNBy1AndRequestedOutput_OnlyThatOutput()
    {
        await using var app = await ServingApp.StartAsync();
        const string request = """
            {
              "inputs": [
                { "name": "Text", "shape": [2, 1], "datatype": "BYTES", "data": [["a"], ["b"]] },
                { "name": "score", "shape": [2, 1], "datatype": "FP64", "data": [[2], [0]] },
                { "name": "links", "shape": [2, 1], "datatype": "INT64", "data": [[0], [3]] }
              ],
              "outputs": [ { "name": "probability" } ]
            }
            """;

        var (response, body) = await app.PostAsync("/v2/models/spam/infer", request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body.ToJsonString());
        OipSchemas.AssertValid("inference_response", body);
        var outputs = body["outputs"]!.AsArray();
        Assert.HasCount(1, outputs);
        Assert.AreEqual("probability", outputs[0]!["name"]!.GetValue<string>());
        Assert.AreEqual(1.0, outputs[0]!["data"]![0]!.GetValue<double>(), 1e-6);
        Assert.AreEqual(0.3, outputs[0]!["data"]![1]!.GetValue<double>(), 1e-6);
    }

    [TestMethod]
    public async Task Infer_VersionInPath_ServesThatVersionLoadedOnceWhileTheAliasServesAnother()
    {
        await using var app = await ServingApp.StartAsync();
        var version2 = app.Registry.Publish("spam", LinearFormat.Id, LinearFormat.Artifact(0.1f));
        app.Registry.Point("spam", "champion", version2);
        await app.Predictor.RefreshAsync();
        var loadsBefore = app.Registry.ArtifactLoads;

        var (first, body) = await app.PostAsync("/v2/models/spam/versions/1/infer", TwoRows);
        var (second, _) = await app.PostAsync("/v2/models/spam/versions/1/infer", TwoRows);
        var (alias, aliasBody) = await app.PostAsync("/v2/models/spam/infer", TwoRows);
        var (ready, _) = await app.GetAsync("/v2/models/spam/versions/1/ready");

        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode, body.ToJsonString());
        Assert.AreEqual(HttpStatusCode.OK, second.StatusCode);
        OipSchemas.AssertValid("inference_response", body);
        Assert.AreEqual("1", body["model_version"]!.GetValue<string>());
        Assert.AreEqual(0.7, Output(body, "probability")[0]!.GetValue<double>(), 1e-6, "version 1: weight 0.5");
        Assert.AreEqual(1, app.Registry.ArtifactLoads - loadsBefore, "version 1 is loaded once and kept");
        Assert.AreEqual("2", aliasBody["model_version"]!.GetValue<string>());
        Assert.AreEqual(0.22, Output(aliasBody, "probability")[0]!.GetValue<double>(), 1e-6, "version 2: weight 0.1");
        Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode, "a loaded pinned version is ready");
    }

    [TestMethod]
    [DataRow("""{"inputs": [""", 400, "not valid JSON", DisplayName = "malformed JSON")]
    [DataRow("""{"id": "x"}""", 400, "The field 'inputs' is missing", DisplayName = "no inputs")]
    [DataRow("""{"inputs": [{ "name": "score", "shape": [1], "datatype": "FP32", "data": [1] }, { "name": "links", "shape": [1], "datatype": "INT32", "data": [1] }]}""", 400, "The input 'text' is missing", DisplayName = "missing input")]
    [DataRow("""{"inputs": [{ "name": "colour", "shape": [1], "datatype": "FP32", "data": [1] }]}""", 400, "The input 'colour' is not an input of the model", DisplayName = "unknown input")]
    [DataRow("""{"inputs": [{ "name": "score", "shape": [1], "datatype": "BOOL", "data": [true] }]}""", 400, "The input 'score' has datatype BOOL, but the column Score (float32) takes FP32", DisplayName = "wrong datatype")]
    [DataRow("""{"inputs": [{ "name": "score", "shape": [2], "datatype": "FP32", "data": [1] }]}""", 400, "has shape [2] (2 elements) but 1 data element", DisplayName = "shape and data disagree")]
    [DataRow("""{"inputs": [{ "name": "links", "shape": [1], "datatype": "INT32", "data": [1.5] }, { "name": "score", "shape": [1], "datatype": "FP32", "data": [1] }, { "name": "text", "shape": [1], "datatype": "BYTES", "data": ["a"] }]}""", 400, "Element 0 of input 'links' is 1.5", DisplayName = "element of the wrong type")]
    public async Task Infer_BadRequest_OipErrorObjectNamingTheProblemNeverReachesModel(string request, int status, string message)
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/v2/models/spam/infer", request);

        Assert.AreEqual(status, (int)response.StatusCode, body.ToJsonString());
        OipSchemas.AssertValid(OipSchemas.ResponseSchemaName(InferPath, "post", "400"), body);
        StringAssert.Contains(body["error"]!.GetValue<string>(), message);
        Assert.AreEqual(0, app.Format.Calls);
    }

    [TestMethod]
    public async Task Infer_UnknownModel_404ErrorObject()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/v2/models/churn/infer", TwoRows);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        OipSchemas.AssertValid("inference_error_response", body);
    }

    [TestMethod]
    public async Task Infer_UnknownVersion_404ErrorObject()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/v2/models/spam/versions/5/infer", TwoRows);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        OipSchemas.AssertValid("inference_error_response", body);
        Assert.AreEqual("Model 'spam' has no version 5. GET the model metadata for the registered versions.", body["error"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task Infer_BodyOverLimit_413ErrorObject()
    {
        await using var app = await ServingApp.StartAsync(configuration: new Dictionary<string, string?> { ["MlValue:AspNetCore:MaxRequestBodyBytes"] = "100" });

        var (response, body) = await app.PostAsync("/v2/models/spam/infer", TwoRows);

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        OipSchemas.AssertValid("inference_error_response", body);
        Assert.AreEqual(0, app.Format.Calls);
    }

    [TestMethod]
    public async Task Infer_NoChampion_503ErrorObjectWithRetryAfter()
    {
        await using var app = await ServingApp.StartAsync(champion: null);

        var (response, body) = await app.PostAsync("/v2/models/spam/infer", TwoRows);

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.AreEqual(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        OipSchemas.AssertValid("inference_error_response", body);
    }

    private static JsonArray Output(JsonNode body, string name)
        => body["outputs"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == name)!["data"]!.AsArray();
}
