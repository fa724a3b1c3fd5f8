using System.Net;
using MlValue.Tests.Support;

namespace MlValue.Tests.OpenInference;

[TestClass]
public sealed class OipHealthAndMetadataTests
{
    [TestMethod]
    public async Task Live_Always200LiveTrue()
    {
        await using var app = await ServingApp.StartAsync(champion: null);

        var (response, body) = await app.GetAsync("/v2/health/live");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        OipSchemas.AssertValidMarkdown("live_server_response", body);
        Assert.IsTrue(body["live"]!.GetValue<bool>());
    }

    [TestMethod]
    public async Task Ready_ChampionLoaded_200Ready()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.GetAsync("/v2/health/ready");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        OipSchemas.AssertValidMarkdown("ready_server_response", body);
        Assert.IsTrue(body["ready"]!.GetValue<bool>());
    }

    [TestMethod]
    public async Task Ready_NoVersionLoaded_503NotReady()
    {
        await using var app = await ServingApp.StartAsync(champion: null);

        var (response, body) = await app.GetAsync("/v2/health/ready");

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        OipSchemas.AssertValidMarkdown("ready_server_response", body);
        Assert.IsFalse(body["ready"]!.GetValue<bool>());
    }

    [TestMethod]
    public async Task ServerMetadata_ValidAgainstTheYaml()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.GetAsync("/v2");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        OipSchemas.AssertValid(OipSchemas.ResponseSchemaName("/v2/", "get", "200"), body);
        Assert.AreEqual("mlvalue", body["name"]!.GetValue<string>());
        Assert.IsEmpty(body["extensions"]!.AsArray());
    }

    [TestMethod]
    public async Task ModelMetadata_InputsFromTheColumnModelOutputsFromTheOutputType()
    {
        await using var app = await ServingApp.StartAsync();
        app.Registry.Publish("spam", LinearFormat.Id, LinearFormat.Artifact(0.9f));

        var (response, body) = await app.GetAsync("/v2/models/spam");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        OipSchemas.AssertValid(OipSchemas.ResponseSchemaName("/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}", "get", "200"), body);
        Assert.AreEqual(
            """{"name":"spam","versions":["1","2"],"platform":"mlvalue_test-linear","inputs":[{"name":"links","datatype":"INT32","shape":[-1]},{"name":"score","datatype":"FP32","shape":[-1]},{"name":"text","datatype":"BYTES","shape":[-1]}],"outputs":[{"name":"predictedLabel","datatype":"BOOL","shape":[-1]},{"name":"probability","datatype":"FP32","shape":[-1]},{"name":"score","datatype":"FP32","shape":[-1]}]}""",
            body.ToJsonString());
    }

    [TestMethod]
    public async Task ModelMetadata_Version_NamesThatVersionUnknownVersionIs404Error()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.GetAsync("/v2/models/spam/versions/1");
        var (missing, error) = await app.GetAsync("/v2/models/spam/versions/9");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        OipSchemas.AssertValid("metadata_model_response", body);
        Assert.AreEqual("""["1"]""", body["versions"]!.ToJsonString());
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
        OipSchemas.AssertValid("metadata_model_error_response", error);
        Assert.AreEqual("Model 'spam' has no version 9.", error["error"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task ModelReady_LoadedAndNot()
    {
        await using var app = await ServingApp.StartAsync();
        app.Registry.Publish("spam", LinearFormat.Id, LinearFormat.Artifact(0.9f));

        var (ready, readyBody) = await app.GetAsync("/v2/models/spam/ready");
        var (version2, version2Body) = await app.GetAsync("/v2/models/spam/versions/2/ready");

        Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode);
        OipSchemas.AssertValidMarkdown("ready_model_response", readyBody);
        Assert.AreEqual("""{"name":"spam","ready":true}""", readyBody.ToJsonString());
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, version2.StatusCode, "version 2 is registered but not loaded");
        Assert.AreEqual("""{"name":"spam","ready":false}""", version2Body.ToJsonString());
    }

    [TestMethod]
    public async Task UnknownModel_404ErrorObject()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.GetAsync("/v2/models/churn");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        OipSchemas.AssertValid("metadata_model_error_response", body);
        Assert.AreEqual("Model 'churn' is not served here; served: 'spam'.", body["error"]!.GetValue<string>());
    }
}
