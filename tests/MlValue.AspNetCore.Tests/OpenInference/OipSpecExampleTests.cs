using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlValue.Tests.Support;

namespace MlValue.Tests.OpenInference;

/// <summary>The inference example of <c>inference_rest.md</c>, read from the fixture, against the yaml's schemas and this server.</summary>
[TestClass]
public sealed partial class OipSpecExampleTests
{
    [TestMethod]
    public void SpecRequestExample_ValidAgainstTheYamlRequestSchema()
        => OipSchemas.AssertValid("inference_request", JsonNode.Parse(RequestExample())!);

    [TestMethod]
    public async Task SpecRequestExample_SentAsIs_RejectedWithAnOipErrorNamingTheUnknownInput()
    {
        await using var app = await ServingApp.StartAsync();

        var (response, body) = await app.PostAsync("/v2/models/spam/infer", RequestExample());

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        OipSchemas.AssertValid("inference_error_response", body);
        StringAssert.StartsWith(body["error"]!.GetValue<string>(), "The input 'input0' is not an input of the model; it takes 'links', 'score', 'text'");
    }

    [TestMethod]
    public async Task SpecRequestExample_WithThisModelsTensors_RoundTripsIdAndRequestedOutputAsTheSpecShows()
    {
        await using var app = await ServingApp.StartAsync();
        var request = JsonNode.Parse(RequestExample())!;
        request["inputs"] = JsonNode.Parse("""
            [
              { "name": "score", "shape": [3, 1], "datatype": "FP32", "data": [[1.0], [1.1], [2.0]] },
              { "name": "links", "shape": [3], "datatype": "INT32", "data": [0, 1, 0] },
              { "name": "text", "shape": [3], "datatype": "BYTES", "data": ["a", "b", "c"] }
            ]
            """);
        request["outputs"] = JsonNode.Parse("""[ { "name": "probability" } ]""");
        OipSchemas.AssertValid("inference_request", request);

        var (response, body) = await app.PostAsync("/v2/models/spam/infer", request.ToJsonString());

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body.ToJsonString());
        OipSchemas.AssertValid("inference_response", body);
        Assert.AreEqual("42", body["id"]!.GetValue<string>(), "the spec: the id given in the request must be returned");
        var output = body["outputs"]!.AsArray().Single()!;
        Assert.AreEqual("""{"name":"probability","datatype":"FP32","shape":[3]}""", new JsonObject { ["name"] = output["name"]!.DeepClone(), ["datatype"] = output["datatype"]!.DeepClone(), ["shape"] = output["shape"]!.DeepClone() }.ToJsonString());
        CollectionAssert.AreEqual(new[] { 0.5, 0.65, 1 }, output["data"]!.AsArray().Select(d => Math.Round(d!.GetValue<double>(), 5)).ToArray());
    }

    /// <summary>The JSON body of the first example request of the markdown (the block after <c>POST /v2/models/mymodel/infer</c>).</summary>
    private static string RequestExample()
    {
        var markdown = File.ReadAllText(OipSchemas.FixturePath("inference_rest.md"));
        var match = RequestBlock().Match(markdown);
        Assert.IsTrue(match.Success, "the markdown has its example request");
        return match.Groups["json"].Value;
    }

    [GeneratedRegex(@"POST /v2/models/mymodel/infer HTTP/1\.1.*?Content-Length: <xx>\s*(?<json>\{.*?\n    \})", RegexOptions.Singleline)]
    private static partial Regex RequestBlock();
}
