using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlValue.AspNetCore;
using MlValue.Tests.Support;

namespace MlValue.Tests.Dashboard;

/// <summary>
/// The dashboard over HTTP (in-memory TestServer): what each page shows of the seeded stores, that every value is
/// encoded, the answers to unknown or malformed addresses, and who may write. The browser tests show the same pages in
/// Chromium.
/// </summary>
[TestClass]
public sealed partial class DashboardPageTests : TempRootTest
{
    [TestMethod]
    public async Task Overview_ListsModelsAliasesServingAndLoops()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient();

        var (response, html) = await GetAsync(client, "/mlvalue/");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(html, "<a href=\"/mlvalue/models/spam\">spam</a>");
        StringAssert.Contains(html, "champion → v2");
        StringAssert.Contains(html, "<a href=\"/mlvalue/monitors/spam\">windows</a>");
        StringAssert.Contains(html, "<a href=\"/mlvalue/loops/retrain\">retrain</a>");
        StringAssert.Contains(html, "<span class=\"badge bad\">failed</span>");
    }

    [TestMethod]
    public async Task Overview_WithoutTrailingSlash_IsTheSamePage()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient();

        var (response, html) = await GetAsync(client, "/mlvalue");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(html, "<a href=\"/mlvalue/models/spam\">spam</a>");
    }

    [TestMethod]
    public async Task Model_ShowsAliasHistoryNewestFirstAndEachVersionsDecisionSummary()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient();

        var (_, html) = await GetAsync(client, "/mlvalue/models/spam");

        var history = Table(html, "alias-history");
        Assert.AreEqual(2, Rows(history).Count);
        StringAssert.Contains(Rows(history)[0], "PROMOTE &#x27;v2&#x27;: auc 0.9500 vs champion 0.9100");
        StringAssert.Contains(Rows(history)[1], "first model");
        var versions = Rows(Table(html, "versions"));
        CollectionAssert.AreEqual(new[] { "v3", "v2", "v1" }, versions.Select(r => Regex.Match(r, ">(v\\d)</a>").Groups[1].Value).ToArray());
        StringAssert.Contains(versions[0], "<span class=\"badge bad\">rejected</span> REJECT &#x27;v3&#x27;: auc 0.9300 vs champion 0.9500: improvement -0.0200");
        StringAssert.Contains(versions[1], "<span class=\"badge ok\">promoted</span>");
    }

    [TestMethod]
    public async Task Version_ShowsLineageDatasetsMetricsAndTheChecksOfItsDecision()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient();

        var (_, html) = await GetAsync(client, "/mlvalue/models/spam/versions/3");

        var lineage = Regex.Match(html, "<ol class=\"lineage\" data-list=\"lineage\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value;
        CollectionAssert.AreEqual(new[] { "v3", "v2", "v1" }, Regex.Matches(lineage, ">(v\\d)</a>").Select(m => m.Groups[1].Value).ToArray());
        StringAssert.Contains(html, "<code>ds-train-v3</code>");
        StringAssert.Contains(html, "<code>ds-holdout-v3</code>");
        StringAssert.Contains(html, "data-decision=\"reject\"");
        var checks = Rows(Table(html, "checks"));
        Assert.AreEqual(2, checks.Count);
        StringAssert.Contains(checks[1], "improvement over champion");
        StringAssert.Contains(checks[1], "<span class=\"badge bad\">failed</span>");
        StringAssert.Contains(Table(html, "metrics"), "<td>auc</td><td class=\"num\">0.93</td>");
    }

    [TestMethod]
    public async Task Monitor_DrawsOneDriftCellPerFeatureAndWindowAndMarksTheDriftedDays()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient();

        var (_, html) = await GetAsync(client, "/mlvalue/monitors/spam");

        var drift = Regex.Match(html, "<svg class=\"chart\" data-chart=\"drift\".*?</svg>", RegexOptions.Singleline).Value;
        var cells = Regex.Matches(drift, "<rect class=\"cell [^\"]+\" data-verdict=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.AreEqual(3 * 6, cells.Count, "score, links and the prediction over six daily windows");
        CollectionAssert.AreEqual(new[] { "stable", "stable", "stable", "stable", "drift", "drift" }, cells.Take(6).ToArray(), "the score row");
        StringAssert.Contains(html, "data-chart=\"predictions\"");
        Assert.AreEqual(6, Regex.Matches(html, "<circle class=\"median\"").Count);
        var performance = Regex.Match(html, "<svg class=\"chart\" data-chart=\"performance\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.AreEqual(3 * 6, Regex.Matches(performance, "<circle class=\"point").Count, "accuracy, precision and recall per window");
        StringAssert.Contains(Table(html, "features"), "<span class=\"badge bad\">drift</span>");
    }

    [TestMethod]
    public async Task Run_ShowsEachStepWithItsOutputsAndTheFailedStepsError()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient();

        var (_, runs) = await GetAsync(client, "/mlvalue/loops/retrain");
        var (_, html) = await GetAsync(client, "/mlvalue/loops/retrain/runs/run-000001");

        StringAssert.Contains(Table(runs, "runs"), "new labels: 120 since the last run");
        var steps = Rows(Table(html, "steps"));
        StringAssert.Contains(steps[0], "dataset = <code>ds-2025-01-06</code>");
        StringAssert.Contains(steps[1], "the training set has no spam example");
        StringAssert.Contains(steps[1], "<span class=\"badge bad\">failed</span>");
        var attempts = Rows(Table(html, "attempts"));
        Assert.AreEqual(2, attempts.Count, "one attempt per step");
        StringAssert.Contains(attempts[1], "the training set has no spam example");
    }

    [TestMethod]
    [DataRow("/mlvalue/models/nope", 404, "Nothing is recorded at &#x27;/mlvalue/models/nope&#x27;")]
    [DataRow("/mlvalue/models/spam/versions/9", 404, "Nothing is recorded")]
    [DataRow("/mlvalue/models/spam/versions/three", 400, "&#x27;three&#x27; is not a version number")]
    [DataRow("/mlvalue/monitors/nope", 404, "Nothing is recorded")]
    [DataRow("/mlvalue/loops/nope", 404, "Nothing is recorded")]
    [DataRow("/mlvalue/loops/retrain/runs/run-999999", 404, "Nothing is recorded")]
    public async Task UnknownOrMalformedAddress_AnsweredWithAPageThatSaysWhy(string path, int status, string message)
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient();

        var (response, html) = await GetAsync(client, path);

        Assert.AreEqual(status, (int)response.StatusCode);
        StringAssert.Contains(html, message);
        StringAssert.Contains(html, "<a href=\"/mlvalue/\">Back to the overview</a>");
    }

    [TestMethod]
    public async Task Pages_SendAContentSecurityPolicyThatAllowsOnlyTheirOwnStylesheet()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient();

        var (response, _) = await GetAsync(client, "/mlvalue/models/spam");
        var css = await client.GetAsync(new Uri("/mlvalue/assets/dashboard.css", UriKind.Relative));

        Assert.AreEqual("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("no-store", response.Headers.CacheControl?.ToString());
        Assert.AreEqual("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    public async Task StoredText_IsEncoded_NeverMarkup()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        await app.Registry.SetAliasAsync("spam", "champion", 3, 2, "<script>alert('x')</script> & more");
        using var client = app.CreateClient();

        var (_, html) = await GetAsync(client, "/mlvalue/models/spam");

        Assert.IsFalse(html.Contains("<script>", StringComparison.Ordinal), "a stored reason became markup");
        StringAssert.Contains(html, "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more");
    }

    [TestMethod]
    public async Task ReadOnly_HasNoFormsAndNoWriteRoutes()
    {
        await using var app = await DashboardApp.StartAsync(Root, writePolicy: false);
        using var client = app.CreateClient("alice");

        var (_, model) = await GetAsync(client, "/mlvalue/models/spam");
        var (_, run) = await GetAsync(client, "/mlvalue/loops/retrain/runs/run-000001");
        var post = await client.PostAsync(new Uri("/mlvalue/models/spam/aliases/champion/rollback", UriKind.Relative), Form(("reason", "bad model")));

        Assert.IsFalse(model.Contains("<form", StringComparison.Ordinal));
        Assert.IsFalse(run.Contains("<form", StringComparison.Ordinal));
        Assert.AreEqual(HttpStatusCode.NotFound, post.StatusCode, "without a write policy the write routes are not mapped");
        Assert.AreEqual(2, (await app.Registry.GetByAliasAsync("spam", "champion"))!.Version);
    }

    [TestMethod]
    [DataRow(null, HttpStatusCode.Unauthorized)]
    [DataRow("bob", HttpStatusCode.Forbidden)]
    public async Task Write_UserWithoutThePolicy_SeesNoFormAndIsRefused(string? user, HttpStatusCode expected)
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient(user);

        var (_, html) = await GetAsync(client, "/mlvalue/models/spam");
        var post = await client.PostAsync(new Uri("/mlvalue/models/spam/aliases/champion/rollback", UriKind.Relative), Form(("reason", "bad model")));

        Assert.IsFalse(html.Contains("<form", StringComparison.Ordinal));
        Assert.AreEqual(expected, post.StatusCode);
        Assert.AreEqual(2, (await app.Registry.GetByAliasAsync("spam", "champion"))!.Version);
    }

    [TestMethod]
    public async Task Write_AuthorisedUserWithoutTheAntiforgeryToken_RefusedWith400()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient("alice");

        var post = await client.PostAsync(new Uri("/mlvalue/models/spam/aliases/champion/rollback", UriKind.Relative), Form(("reason", "bad model")));

        Assert.AreEqual(HttpStatusCode.BadRequest, post.StatusCode);
        StringAssert.Contains(await post.Content.ReadAsStringAsync(), "anti-forgery token is missing, expired or for another user");
        Assert.AreEqual(2, (await app.Registry.GetByAliasAsync("spam", "champion"))!.Version);
    }

    [TestMethod]
    public async Task Rollback_AuthorisedWithToken_MovesTheAliasBackAndRecordsWhoAndWhy()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient("alice");
        var (token, cookie) = await TokenAsync(client, "/mlvalue/models/spam");

        var post = await PostAsync(client, "/mlvalue/models/spam/aliases/champion/rollback", cookie, (token.Name, token.Value), ("reason", "precision fell on live mail"));

        Assert.AreEqual(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.AreEqual("/mlvalue/models/spam?moved=champion", post.Headers.Location?.ToString());
        var history = await app.Registry.GetAliasHistoryAsync("spam", "champion");
        Assert.AreEqual(1, history[^1].ToVersion);
        Assert.AreEqual("precision fell on live mail (dashboard, alice)", history[^1].Reason);
    }

    [TestMethod]
    public async Task Move_WithAStaleExpectedVersion_409AndTheAliasStays()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient("alice");
        var (token, cookie) = await TokenAsync(client, "/mlvalue/models/spam");
        await app.Registry.SetAliasAsync("spam", "champion", 1, 2, "moved by someone else meanwhile");

        var post = await PostAsync(client, "/mlvalue/models/spam/aliases/champion/move", cookie, (token.Name, token.Value), ("version", "3"), ("expected", "2"), ("reason", "try v3"));

        Assert.AreEqual(HttpStatusCode.Conflict, post.StatusCode);
        StringAssert.Contains(await post.Content.ReadAsStringAsync(), "Reload the page to see where &#x27;champion&#x27; points now");
        Assert.AreEqual(1, (await app.Registry.GetByAliasAsync("spam", "champion"))!.Version);
    }

    [TestMethod]
    [DataRow("version=three&expected=2&reason=x", "The form field &#x27;version&#x27; is &#x27;three&#x27;, not a version number")]
    [DataRow("expected=2&reason=x", "The form field &#x27;version&#x27; is missing")]
    [DataRow("version=3&expected=2&reason=%20", "The form field &#x27;reason&#x27; is empty")]
    public async Task Move_BadForm_400NamesTheField(string body, string message)
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient("alice");
        var (token, cookie) = await TokenAsync(client, "/mlvalue/models/spam");
        var fields = body.Split('&').Select(p => p.Split('=')).Select(p => (p[0], Uri.UnescapeDataString(p[1]))).Append((token.Name, token.Value)).ToArray();

        var post = await PostAsync(client, "/mlvalue/models/spam/aliases/champion/move", cookie, fields);

        Assert.AreEqual(HttpStatusCode.BadRequest, post.StatusCode);
        StringAssert.Contains(await post.Content.ReadAsStringAsync(), message);
        Assert.AreEqual(2, (await app.Registry.GetByAliasAsync("spam", "champion"))!.Version);
    }

    [TestMethod]
    public async Task Resume_FailedRun_RunsFromTheFailedStepAndSucceeds()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient("alice");
        var (token, cookie) = await TokenAsync(client, "/mlvalue/loops/retrain/runs/run-000001");

        var post = await PostAsync(client, "/mlvalue/loops/retrain/runs/run-000001/resume", cookie, (token.Name, token.Value), ("reason", "labels fixed"));

        Assert.AreEqual(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.AreEqual("/mlvalue/loops/retrain/runs/run-000001?resumed=1", post.Headers.Location?.ToString());
        var run = (await app.Runs.ListAsync("retrain")).Single();
        Assert.AreEqual(Runs.RunStatus.Succeeded, run.Status);
        Assert.AreEqual("4", run.Steps[1].Outputs["version"].Id);
    }

    [TestMethod]
    public async Task Resume_RunThatSucceeded_409()
    {
        await using var app = await DashboardApp.StartAsync(Root);
        using var client = app.CreateClient("alice");
        var (token, cookie) = await TokenAsync(client, "/mlvalue/loops/retrain/runs/run-000001");
        await PostAsync(client, "/mlvalue/loops/retrain/runs/run-000001/resume", cookie, (token.Name, token.Value), ("reason", "labels fixed"));

        var again = await PostAsync(client, "/mlvalue/loops/retrain/runs/run-000001/resume", cookie, (token.Name, token.Value), ("reason", "again"));

        Assert.AreEqual(HttpStatusCode.Conflict, again.StatusCode);
        StringAssert.Contains(await again.Content.ReadAsStringAsync(), "Run &#x27;run-000001&#x27; of loop &#x27;retrain&#x27; is succeeded; only a failed run can be resumed.");
    }

    [TestMethod]
    public void Map_WithoutAddDashboard_ThrowsAndSaysWhatToCall()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddMlValue(o => o.RootDirectory = Root).AddPredictionEndpoints();
        using var app = builder.Build();

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => app.MapMlValueDashboard("/mlvalue"));

        StringAssert.Contains(error.Message, "call services.AddMlValue(...).AddDashboard()");
    }

    [TestMethod]
    public void Map_WritePolicyNotRegistered_ThrowsAndNamesThePolicy()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<Registry.IModelRegistry>(new MlValue.Testing.InMemoryModelRegistry(TimeProvider.System));
        builder.Services.AddMlValue(o => o.RootDirectory = Root).AddDashboard(o => o.WritePolicy = "admins");
        using var app = builder.Build();

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => app.MapMlValueDashboard("/mlvalue"));

        StringAssert.Contains(error.Message, "no authorization policy of that name is registered: add it with services.AddAuthorization(o => o.AddPolicy(\"admins\", ...))");
    }

    [TestMethod]
    [DataRow("mlvalue")]
    [DataRow("/models/{name}")]
    public void Map_PathNotALiteralAbsolutePath_Throws(string path)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddMlValue(o => o.RootDirectory = Root).AddDashboard();
        using var app = builder.Build();

        var error = Assert.ThrowsExactly<ArgumentException>(() => app.MapMlValueDashboard(path));

        StringAssert.Contains(error.Message, "must be a literal path starting with '/'");
    }

    [TestMethod]
    public void Options_BadValues_RejectedAtStartupNamingEachSetting()
    {
        var services = new ServiceCollection();
        services.AddMlValue(o => o.RootDirectory = Root).AddDashboard(o =>
        {
            o.WritePolicy = " ";
            o.MonitorWindow = TimeSpan.Zero;
            o.MaxWindows = 0;
            o.Aliases.Add(string.Empty);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DashboardOptions>>().Value);

        StringAssert.Contains(error.Message, "MlValue:Dashboard:WritePolicy must name an authorization policy");
        StringAssert.Contains(error.Message, "MlValue:Dashboard:MonitorWindow must be positive");
        StringAssert.Contains(error.Message, "MlValue:Dashboard:MaxWindows must be within [1, 1000]");
        StringAssert.Contains(error.Message, "MlValue:Dashboard:Aliases must not hold an empty name");
    }

    private static async Task<(HttpResponseMessage Response, string Html)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The anti-forgery field of the first form on the page and the cookie it was issued with.</summary>
    private static async Task<((string Name, string Value) Token, string Cookie)> TokenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var field = Regex.Match(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");
        Assert.IsTrue(field.Success, "the page has no write form");
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return ((field.Groups[1].Value, System.Net.WebUtility.HtmlDecode(field.Groups[2].Value)), cookie);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string cookie, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Form(fields) };
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
        => new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static string Table(string html, string name)
    {
        var match = Regex.Match(html, $"<table data-table=\"{name}\">.*?</table>", RegexOptions.Singleline);
        Assert.IsTrue(match.Success, $"no table '{name}' on the page");
        return match.Value;
    }

    private static List<string> Rows(string table)
        => [.. Regex.Matches(Regex.Match(table, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value, "<tr[^>]*>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value)];
}
