using System.Net;
using MlValue.Tests.Support;

namespace MlValue.Tests.Http;

/// <summary>A model that throws on a valid request: a 500 in the route's own error shape, with the correlation id and without the exception's text.</summary>
[TestClass]
public sealed class ModelFailureTests
{
    [TestMethod]
    public async Task Predict_ModelThrows_ProblemDetails500NamingTheModelAndCorrelationIdNotTheSecret()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/models/spam/predict", """{"text": "x", "score": 1, "links": -1}""", correlationId: "req-failing");

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode, body.ToJsonString());
        Assert.AreEqual("Model failed", body["title"]!.GetValue<string>());
        var detail = body["detail"]!.GetValue<string>();
        StringAssert.Contains(detail, "The model 'spam' failed on this request (InvalidOperationException)");
        StringAssert.Contains(detail, "correlation id 'req-failing'");
        Assert.IsFalse(detail.Contains("secret", StringComparison.Ordinal), detail);
        Assert.AreEqual(1, app.Format.Calls, "the request was valid and reached the model");
    }

    [TestMethod]
    public async Task Infer_ModelThrows_OipErrorObject500ValidAgainstTheYaml()
    {
        await using var app = await ServingApp.StartAsync();
        const string request = """
            {
              "id": "infer-failing",
              "inputs": [
                { "name": "text", "shape": [1], "datatype": "BYTES", "data": ["x"] },
                { "name": "score", "shape": [1], "datatype": "FP32", "data": [1] },
                { "name": "links", "shape": [1], "datatype": "INT32", "data": [-1] }
              ]
            }
            """;

        var (response, body) = await app.PostAsync("/v2/models/spam/infer", request);

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode, body.ToJsonString());
        OipSchemas.AssertValid(OipSchemas.ResponseSchemaName("/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}/infer", "post", "400"), body);
        var error = body["error"]!.GetValue<string>();
        StringAssert.Contains(error, "The model 'spam' failed on this request (InvalidOperationException)");
        StringAssert.Contains(error, "correlation id 'infer-failing'");
        Assert.IsFalse(error.Contains("secret", StringComparison.Ordinal), error);
    }
}
