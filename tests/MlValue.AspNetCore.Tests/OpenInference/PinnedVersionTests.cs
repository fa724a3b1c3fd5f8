using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using MlValue.Tests.Support;

namespace MlValue.Tests.OpenInference;

/// <summary>
/// The versions the OIP version path loads beside the alias: at most <c>MaxPinnedVersions</c>, the least recently used
/// evicted, disposed only once no request uses it, loaded again when asked for again.
/// </summary>
[TestClass]
public sealed class PinnedVersionTests
{
    /// <summary>The champion (version 1) of <see cref="ServingApp"/>.</summary>
    private const float ChampionWeight = 0.5f;

    /// <summary>Version v's weight (v ≥ 2): v / 16, exact in binary, distinct per version.</summary>
    private static float Weight(int version) => version / 16f;

    [TestMethod]
    public async Task PinnedVersions_MoreThanTheBound_KeepsTheMostRecentlyUsedAndDisposesTheLeastRecentlyUsed()
    {
        await using var app = await ServingApp.StartAsync(configuration: Bound(2));
        Publish(app, 4);

        await AssertAnswersAsync(app, 2);
        await AssertAnswersAsync(app, 3);
        await AssertAnswersAsync(app, 2);
        CollectionAssert.AreEqual(new[] { ChampionWeight, Weight(2), Weight(3) }, app.Format.Loaded.ToArray(), "a kept version is loaded once");
        Assert.IsEmpty(app.Format.Disposed);

        await AssertAnswersAsync(app, 4);
        CollectionAssert.AreEqual(new[] { Weight(3) }, app.Format.Disposed.ToArray(), "3 is the least recently used: 2 was used after it");
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, (await app.GetAsync("/v2/models/spam/versions/3/ready")).Response.StatusCode, "an evicted version is not ready");
        Assert.AreEqual(HttpStatusCode.OK, (await app.GetAsync("/v2/models/spam/versions/2/ready")).Response.StatusCode);

        await AssertAnswersAsync(app, 3);
        CollectionAssert.AreEqual(new[] { ChampionWeight, Weight(2), Weight(3), Weight(4), Weight(3) }, app.Format.Loaded.ToArray(), "an evicted version asked for again is loaded again");
        CollectionAssert.AreEqual(new[] { Weight(3), Weight(2) }, app.Format.Disposed.ToArray(), "then 2 is the least recently used");
        Assert.AreEqual(2, Kept(app), "never more pinned versions loaded than the bound");
    }

    [TestMethod]
    public async Task PinnedVersions_AppStops_DisposesThemWithTheServedVersion()
    {
        var app = await ServingApp.StartAsync(configuration: Bound(2));
        try
        {
            Publish(app, 3);
            await AssertAnswersAsync(app, 2);
            await AssertAnswersAsync(app, 3);
            Assert.IsEmpty(app.Format.Disposed);
        }
        finally
        {
            await app.DisposeAsync();
        }

        CollectionAssert.AreEquivalent(new[] { ChampionWeight, Weight(2), Weight(3) }, app.Format.Disposed.ToArray());
    }

    [TestMethod]
    public async Task PinnedVersion_EvictedWhileARequestPredictsWithIt_IsDisposedOnlyWhenThatRequestEnds()
    {
        await using var app = await ServingApp.StartAsync(configuration: Bound(1));
        Publish(app, 3);
        var gate = new PredictionGate();
        app.Format.Gate = gate;

        var held = app.PostAsync("/v2/models/spam/versions/2/infer", Row(LinearFormat.WaitText));
        await Task.WhenAny(gate.Entered.Task, held);
        Assert.IsTrue(gate.Entered.Task.IsCompleted, "the request for version 2 is predicting, held at the gate");

        await AssertAnswersAsync(app, 3);
        Assert.AreEqual(2, Kept(app), "version 2, evicted, stays loaded beside version 3 while its request runs");
        Assert.IsEmpty(app.Format.Disposed, "version 2 is evicted but its request still uses it: not disposed");
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, (await app.GetAsync("/v2/models/spam/versions/2/ready")).Response.StatusCode, "no longer kept");

        gate.Open.SetResult();
        var (response, body) = await held;
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body.ToJsonString());
        Assert.AreEqual("2", body["model_version"]!.GetValue<string>());
        Assert.AreEqual(Weight(2), Probability(body), 1e-6, "the held request finished on version 2's model, undisposed");
        CollectionAssert.AreEqual(new[] { Weight(2) }, app.Format.Disposed.ToArray(), "disposed when its last request ended");

        await AssertAnswersAsync(app, 2);
        Assert.AreEqual(2, app.Format.Loaded.Count(w => w == Weight(2)), "asked for again, version 2 is loaded again");
        CollectionAssert.AreEqual(new[] { Weight(2), Weight(3) }, app.Format.Disposed.ToArray(), "and 3, not in use, is disposed at once");
    }

    [TestMethod]
    public async Task PinnedVersions_RequestsForUnknownVersions_EvictNothing()
    {
        await using var app = await ServingApp.StartAsync(configuration: Bound(1));
        Publish(app, 2);
        await AssertAnswersAsync(app, 2);

        for (var v = 9; v < 12; v++)
        {
            var (response, body) = await app.PostAsync($"/v2/models/spam/versions/{v}/infer", Row("m"));
            Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
            Assert.AreEqual($"Model 'spam' has no version {v}. GET the model metadata for the registered versions.", body["error"]!.GetValue<string>());
        }

        await AssertAnswersAsync(app, 2);
        CollectionAssert.AreEqual(new[] { ChampionWeight, Weight(2) }, app.Format.Loaded.ToArray(), "version 2 stayed loaded");
        Assert.IsEmpty(app.Format.Disposed);
    }

    [TestMethod]
    public async Task PinnedVersion_TheOneThePrimaryServes_IsAnsweredByThePredictorAndTakesNoPlace()
    {
        await using var app = await ServingApp.StartAsync(configuration: Bound(1));
        Publish(app, 2);
        await AssertAnswersAsync(app, 2);

        var (response, body) = await app.PostAsync("/v2/models/spam/versions/1/infer", Row("m"));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body.ToJsonString());
        Assert.AreEqual(ChampionWeight, Probability(body), 1e-6);
        CollectionAssert.AreEqual(new[] { ChampionWeight, Weight(2) }, app.Format.Loaded.ToArray(), "the champion's version is not loaded a second time");
        Assert.IsEmpty(app.Format.Disposed, "nor does it evict version 2");
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("-3")]
    public async Task Options_MaxPinnedVersionsBelowOne_FailsAtStartNamingTheSetting(string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServingApp.StartAsync(configuration: new Dictionary<string, string?> { ["MlValue:AspNetCore:MaxPinnedVersions"] = value }));

        StringAssert.Contains(error.Message, $"MlValue:AspNetCore:MaxPinnedVersions must be at least 1 (the versions kept loaded for the OIP version path); it is {value}.");
    }

    [TestMethod]
    public void Options_Default_KeepsFourPinnedVersions()
        => Assert.AreEqual(4, new MlValue.AspNetCore.PredictionEndpointOptions().MaxPinnedVersions);

    private static Dictionary<string, string?> Bound(int versions)
        => new() { ["MlValue:AspNetCore:MaxPinnedVersions"] = versions.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Publishes versions 2 to <paramref name="last"/>, each with its <see cref="Weight"/>; the champion stays on 1.</summary>
    private static void Publish(ServingApp app, int last)
    {
        for (var v = 2; v <= last; v++)
        {
            Assert.AreEqual(v, app.Registry.Publish("spam", LinearFormat.Id, LinearFormat.Artifact(Weight(v))));
        }
    }

    /// <summary>Pinned models loaded and not yet disposed (the champion's excluded).</summary>
    private static int Kept(ServingApp app) => app.Format.Loaded.Count - 1 - app.Format.Disposed.Count;

    private static async Task AssertAnswersAsync(ServingApp app, int version)
    {
        var (response, body) = await app.PostAsync($"/v2/models/spam/versions/{version}/infer", Row("m"));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body.ToJsonString());
        Assert.AreEqual(version.ToString(CultureInfo.InvariantCulture), body["model_version"]!.GetValue<string>());
        Assert.AreEqual(Weight(version), Probability(body), 1e-6, $"version {version}'s model answered");
    }

    /// <summary>One record with score 1 and no links: the model answers its weight.</summary>
    private static string Row(string text)
        => $$"""{"inputs": [{"name": "text", "shape": [1], "datatype": "BYTES", "data": ["{{text}}"]}, {"name": "score", "shape": [1], "datatype": "FP32", "data": [1]}, {"name": "links", "shape": [1], "datatype": "INT32", "data": [0]}]}""";

    private static double Probability(System.Text.Json.Nodes.JsonNode body)
        => body["outputs"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "probability")!["data"]![0]!.GetValue<double>();
}
