using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Replicas;

/// <summary>
/// Two serving replicas on one PostgreSQL registry (one schema): two apps on Kestrel in this process, each with its own
/// container, connection pool and fake clock. A third party, with a container of its own, moves the alias; each
/// replica serves the new version over HTTP after one poll interval of its clock, not before.
/// </summary>
[TestClass]
public sealed class PostgreSqlReplicasTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly string _schema = PostgresTestServer.NewSchema();

    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public Task DropSchemaAsync() => PostgresTestServer.DropSchemaAsync(_schema);

    [TestMethod]
    public async Task TwoReplicas_AliasMovedInPostgreSql_BothAnswerTheNewVersionWithinOnePollInterval()
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(2));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(Start));
        services.AddMlValue().UsePostgreSql(Options);
        await using var promoter = services.BuildServiceProvider();
        var registry = promoter.GetRequiredService<IModelRegistry>();
        var first = await registry.RegisterAsync(Registration(0.25f), guard.Token);
        var second = await registry.RegisterAsync(Registration(0.5f), guard.Token);
        await registry.SetAliasAsync("spam", "champion", first.Version, null, "first release", guard.Token);

        var signals = new[] { new SwapSignal(), new SwapSignal() };
        var replicas = new List<LoopbackServingApp>();
        try
        {
            foreach (var signal in signals)
            {
                replicas.Add(await LoopbackServingApp.StartAsync(
                    new FakeTimeProvider(Start),
                    services: s => s.AddKeyedSingleton<IPredictionObserver<SpamInput, BinaryPrediction>>("spam", signal),
                    store: b => b.UsePostgreSql(Options)));
            }

            foreach (var replica in replicas)
            {
                await AssertServesAsync(replica, first.Version, 0.25f, guard.Token);
            }

            await registry.SetAliasAsync("spam", "champion", second.Version, first.Version, "promoted", guard.Token);
            var swapped = signals.Select(s => s.SwappedToAsync(second.Version)).ToArray();
            foreach (var replica in replicas)
            {
                replica.Time.Advance(LoopbackServingApp.PollInterval - TimeSpan.FromSeconds(1));
                await AssertServesAsync(replica, first.Version, 0.25f, guard.Token);
            }

            Assert.IsFalse(swapped.Any(s => s.IsCompleted), "no replica polled before its interval");
            foreach (var replica in replicas)
            {
                // The rest of the interval: the replica's timer fires and its refresh reads the alias from PostgreSQL.
                replica.Time.Advance(TimeSpan.FromSeconds(1));
            }

            await Task.WhenAll(swapped).WaitAsync(guard.Token);
            foreach (var replica in replicas)
            {
                await AssertServesAsync(replica, second.Version, 0.5f, guard.Token);
                Assert.AreEqual(2, replica.Predictor.GetStatus().Swaps, "the first load, then the promotion");
            }
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    private void Options(PostgreSqlOptions options)
    {
        options.ConnectionString = PostgresTestServer.ConnectionString;
        options.Schema = _schema;
        options.RetryDelay = TimeSpan.Zero;
    }

    private static ModelRegistration Registration(float weight) => new()
    {
        ModelName = "spam",
        Artifact = new ModelArtifact(LinearFormat.Id, LinearFormat.Artifact(weight)),
        TrainerName = "test",
        TrainingDatasetIds = ["test-dataset"],
    };

    /// <summary>Both routes of the replica answer with <paramref name="version"/> (body and header) and its weight (score 1, no links).</summary>
    private static async Task AssertServesAsync(LoopbackServingApp replica, int version, float weight, CancellationToken cancellationToken)
    {
        using var client = replica.CreateClient();
        var expected = version.ToString(CultureInfo.InvariantCulture);

        using var typed = await PostAsync(client, "models/spam/predict", """{"text": "m", "score": 1, "links": 0}""", cancellationToken);
        var typedBody = JsonNode.Parse(await typed.Content.ReadAsStringAsync(cancellationToken))!;
        Assert.AreEqual(HttpStatusCode.OK, typed.StatusCode, typedBody.ToJsonString());
        Assert.AreEqual(expected, typedBody["modelVersion"]!.GetValue<string>(), replica.Address.ToString());
        Assert.AreEqual(expected, typed.Headers.GetValues("MlValue-Model-Version").Single());
        Assert.AreEqual(weight, typedBody["value"]!["probability"]!.GetValue<double>(), 1e-6);

        using var oip = await PostAsync(client, "v2/models/spam/infer", """{"inputs": [{"name": "text", "shape": [1], "datatype": "BYTES", "data": ["m"]}, {"name": "score", "shape": [1], "datatype": "FP32", "data": [1]}, {"name": "links", "shape": [1], "datatype": "INT32", "data": [0]}]}""", cancellationToken);
        var oipBody = JsonNode.Parse(await oip.Content.ReadAsStringAsync(cancellationToken))!;
        Assert.AreEqual(HttpStatusCode.OK, oip.StatusCode, oipBody.ToJsonString());
        Assert.AreEqual(expected, oipBody["model_version"]!.GetValue<string>(), replica.Address.ToString());
        Assert.AreEqual(expected, oip.Headers.GetValues("MlValue-Model-Version").Single());
        Assert.AreEqual(weight, oipBody["outputs"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "probability")!["data"]![0]!.GetValue<double>(), 1e-6);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
    }
}
