using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlValue.Benchmarks.Http;
using MlValue.Benchmarks.Support;

namespace MlValue.Tests.Benchmarks;

/// <summary>
/// The servers of the HTTP benchmark (eng/bench-http.sh), started in process on free loopback ports with a tiny model:
/// every variant answers the wrk script's body, and the same prediction for the same input; the diagnostic pool variant
/// answers in MlValue's shape. Nothing is timed.
/// </summary>
[TestClass]
public sealed partial class HttpBenchSmokeTests
{
    [TestMethod]
    public async Task Hosts_SameInputs_AnswerTheSamePrediction()
    {
        var model = HttpModel.Train(rows: 400, trees: 5);
        await using var pool = await HttpBenchHost.StartAsync(HttpVariant.Pool, model, port: 0);
        await using var mlvalue = await HttpBenchHost.StartAsync(HttpVariant.MlValue, model, port: 0);
        await using var monitored = await HttpBenchHost.StartAsync(HttpVariant.MlValueMonitored, model, port: 0, referenceRows: 400);
        await using var answering = await HttpBenchHost.StartAsync(HttpVariant.PoolSameAnswer, model, port: 0);
        using var client = new HttpClient();

        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var bodies = FlightFeatures.Generate(20, seed: 7).Select(f => JsonSerializer.Serialize(f, web)).Prepend(WrkBody()).ToList();
        var labels = new HashSet<bool>();
        foreach (var body in bodies)
        {
            var expected = await PostAsync(client, pool, body);
            foreach (var host in new[] { mlvalue, monitored, answering })
            {
                var answer = await PostAsync(client, host, body);
                Assert.IsTrue(JsonNode.DeepEquals(expected, answer["value"]), $"{body}: the pool answered {expected.ToJsonString()}, MlValue {answer.ToJsonString()}");
                Assert.AreEqual("flights", (string?)answer["modelName"]);
                Assert.AreEqual("1", (string?)answer["modelVersion"]);
                Assert.AreEqual("primary", (string?)answer["arm"]);
                Assert.IsFalse(string.IsNullOrEmpty((string?)answer["correlationId"]));
            }

            labels.Add((bool)expected["predictedLabel"]!);
        }

        Assert.HasCount(2, labels, "the inputs should reach both classes, so equal answers mean something");
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, HttpBenchHost host, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(host.Address, HttpBenchHost.PredictPath), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>The body the wrk script sends (copied beside the benchmark assembly).</summary>
    private static string WrkBody()
    {
        var script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Http", "predict.lua"));
        Assert.Contains($"wrk.path = \"{HttpBenchHost.PredictPath}\"", script);
        return WrkBodyLine().Match(script) is { Success: true } match ? match.Groups[1].Value : throw new AssertFailedException("predict.lua sets no wrk.body = '...'");
    }

    [GeneratedRegex(@"^wrk\.body = '(.*)'$", RegexOptions.Multiline)]
    private static partial Regex WrkBodyLine();
}
