using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlValue.Annotation;
using MlValue.AspNetCore;
using MlValue.Tests.Support;

namespace MlValue.Tests.Labelling;

/// <summary>The labelling page over HTTP (in-memory TestServer): what a task shows, how answers are kept, and every refusal.</summary>
[TestClass]
public sealed class LabellingPageTests : TempRootTest
{
    [TestMethod]
    public async Task Next_ShowsTheFirstTaskWithItsFoldedTextButtonsAndKeys()
    {
        await using var app = await LabellingApp.StartAsync(Root);
        using var client = app.CreateClient("alice");

        var (response, html) = await GetAsync(client, "/label/");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(html, "<h1>Task 1 of 12</h1>");
        StringAssert.Contains(html, "<code>mail-00</code>");
        StringAssert.Contains(html, "<details><summary><span class=\"text\">a long line");
        StringAssert.Contains(html, "(1,007 characters: open to read all)");
        StringAssert.Contains(html, "<button type=\"submit\" name=\"choice\" value=\"0\" data-key=\"1\"><kbd>1</kbd> spam</button>");
        StringAssert.Contains(html, "data-key=\"a\"><kbd>a</kbd> cannot tell</button>");
        StringAssert.Contains(html, "<a href=\"/label/?after=t-");
        StringAssert.Contains(html, "Pre-label: <strong>ham</strong> with confidence 0.75, by model:spam@v2");
        Assert.AreEqual("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [TestMethod]
    public async Task Next_ItemText_IsShownAsTextNeverAsMarkup()
    {
        await using var app = await LabellingApp.StartAsync(Root);
        using var client = app.CreateClient("alice");

        var (_, html) = await GetAsync(client, "/label/?after=" + AnnotationTaskQueue.TaskIdFor("mail-00"));

        StringAssert.Contains(html, "<code>mail-01</code>");
        StringAssert.Contains(html, "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;");
        Assert.AreEqual(1, Regex.Matches(html, "<script").Count, "only the page's own script tag");
    }

    [TestMethod]
    public async Task Next_ShowsTheLabelingFunctionsVotes()
    {
        await using var app = await LabellingApp.StartAsync(Root);
        using var client = app.CreateClient("alice");

        var (_, money) = await GetAsync(client, "/label/?after=" + AnnotationTaskQueue.TaskIdFor("mail-02"));
        var (_, plain) = await GetAsync(client, "/label/?after=" + AnnotationTaskQueue.TaskIdFor("mail-01"));

        StringAssert.Contains(money, "<code>mail-03</code>");
        StringAssert.Contains(money, "<td>mentions money</td><td>spam <span class=\"muted\">(0.8)</span></td>");
        StringAssert.Contains(plain, "<td>mentions money</td><td><span class=\"muted\">abstains</span></td>");
    }

    [TestMethod]
    public async Task Answer_KeptUnderTheUserName_ThenTheNextTaskIsShown_AndTheSameAnswerAgainChangesNothing()
    {
        await using var app = await LabellingApp.StartAsync(Root);
        using var client = app.CreateClient("alice");
        var (token, cookie, action) = await FormAsync(client, "/label/");

        var first = await PostAsync(client, action, cookie, (token.Name, token.Value), ("choice", "0"));
        var again = await PostAsync(client, action, cookie, (token.Name, token.Value), ("choice", "0"));
        var (_, next) = await GetAsync(client, first.Headers.Location!.ToString());

        Assert.AreEqual(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.AreEqual("/label/?saved=added", first.Headers.Location?.ToString());
        Assert.AreEqual("/label/?saved=unchanged", again.Headers.Location?.ToString());
        StringAssert.Contains(next, "Saved your answer.");
        StringAssert.Contains(next, "<code>mail-01</code>");
        var answers = await app.Queue.GetAnswersAsync<string>();
        Assert.AreEqual(1, answers.Count);
        Assert.AreEqual(("mail-00", "alice", "spam"), (answers[0].ItemId, answers[0].AnnotatorId, answers[0].Label));
    }

    [TestMethod]
    public async Task Answer_Abstain_KeptAsAnAbstain()
    {
        await using var app = await LabellingApp.StartAsync(Root);
        using var client = app.CreateClient("bob");
        var (token, cookie, action) = await FormAsync(client, "/label/");

        await PostAsync(client, action, cookie, (token.Name, token.Value), ("abstain", "1"));

        Assert.IsTrue((await app.Queue.GetAnswersAsync<string>()).Single().IsAbstain);
    }

    [TestMethod]
    [DataRow("choice=7", 400, "The form field &#x27;choice&#x27; is &#x27;7&#x27;, not one of the 2 classes")]
    [DataRow("", 400, "The form field &#x27;choice&#x27; is missing")]
    public async Task Answer_BadChoice_RefusedAndNothingKept(string body, int status, string message)
    {
        await using var app = await LabellingApp.StartAsync(Root);
        using var client = app.CreateClient("alice");
        var (token, cookie, action) = await FormAsync(client, "/label/");
        var fields = body.Length == 0 ? [] : body.Split('&').Select(p => p.Split('=')).Select(p => (p[0], p[1])).ToArray();

        var post = await PostAsync(client, action, cookie, [.. fields, (token.Name, token.Value)]);

        Assert.AreEqual(status, (int)post.StatusCode);
        StringAssert.Contains(await post.Content.ReadAsStringAsync(), message);
        Assert.AreEqual(0, (await app.Queue.GetStatusAsync()).Answers);
    }

    [TestMethod]
    public async Task Answer_UnknownTask_404()
    {
        await using var app = await LabellingApp.StartAsync(Root);
        using var client = app.CreateClient("alice");
        var (token, cookie, _) = await FormAsync(client, "/label/");

        var post = await PostAsync(client, "/label/tasks/t-0000", cookie, (token.Name, token.Value), ("choice", "0"));

        Assert.AreEqual(HttpStatusCode.NotFound, post.StatusCode);
        StringAssert.Contains(await post.Content.ReadAsStringAsync(), "The queue has no task &#x27;t-0000&#x27;; the answer was not kept.");
    }

    [TestMethod]
    public async Task Answer_WithoutAntiforgeryToken_400AndNothingKept()
    {
        await using var app = await LabellingApp.StartAsync(Root);
        using var client = app.CreateClient("alice");

        var post = await client.PostAsync(new Uri("/label/tasks/" + AnnotationTaskQueue.TaskIdFor("mail-00"), UriKind.Relative), new FormUrlEncodedContent([new("choice", "0")]));

        Assert.AreEqual(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.AreEqual(0, (await app.Queue.GetStatusAsync()).Answers);
    }

    [TestMethod]
    [DataRow(null, HttpStatusCode.Unauthorized)]
    [DataRow("mallory", HttpStatusCode.Forbidden)]
    public async Task AnyRoute_UserWithoutThePolicy_RefusedAndSeesNoItem(string? user, HttpStatusCode expected)
    {
        await using var app = await LabellingApp.StartAsync(Root);
        using var client = app.CreateClient(user);

        var (page, html) = await GetAsync(client, "/label/");
        var (status, _) = await GetAsync(client, "/label/status");

        Assert.AreEqual(expected, page.StatusCode);
        Assert.AreEqual(expected, status.StatusCode);
        Assert.IsFalse(html.Contains("mail-00", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Next_EveryTaskAnswered_SaysSoAndLinksTheStatus()
    {
        await using var app = await LabellingApp.StartAsync(Root);
        foreach (var mail in LabellingApp.Mails)
        {
            await app.Queue.SubmitAnswerAsync(AnnotationTaskQueue.TaskIdFor(mail.Id), "carol", "ham");
        }

        using var client = app.CreateClient("alice");
        var (_, html) = await GetAsync(client, "/label/");

        StringAssert.Contains(html, "No task is waiting for you, alice");
        StringAssert.Contains(html, "<a href=\"/label/status\">");
    }

    [TestMethod]
    public async Task Status_CountsPerPersonAndShowsCohensKappaForTwoPeople()
    {
        await using var app = await LabellingApp.StartAsync(Root, answersPerTask: 2);
        string[] alice = ["spam", "spam", "ham", "ham", "spam", "ham"];
        string[] bob = ["spam", "ham", "ham", "ham", "spam", "spam"];
        for (var i = 0; i < alice.Length; i++)
        {
            await app.Queue.SubmitAnswerAsync(AnnotationTaskQueue.TaskIdFor(LabellingApp.Mails[i].Id), "alice", alice[i]);
            await app.Queue.SubmitAnswerAsync(AnnotationTaskQueue.TaskIdFor(LabellingApp.Mails[i].Id), "bob", bob[i]);
        }

        using var client = app.CreateClient("alice");
        var (_, html) = await GetAsync(client, "/label/status");

        StringAssert.Contains(html, "<span data-count=\"done\">6</span>");
        StringAssert.Contains(html, "<span data-count=\"open\">6</span>");
        StringAssert.Contains(html, "<tr><td>alice</td><td class=\"num\">6</td>");
        var answers = await app.Queue.GetAnswersAsync<string>();
        var kappa = Agreement.CohensKappa(answers.Where(a => a.AnnotatorId == "alice"), answers.Where(a => a.AnnotatorId == "bob"));
        Assert.AreEqual(1d / 3, kappa.Kappa, 1e-9, "4 of 6 agree, chance 1/2");
        StringAssert.Contains(html, "data-agreement=\"0.3333\">Cohen&#x27;s κ <strong>0.3333</strong> over 6 task(s)");
    }

    [TestMethod]
    public void Options_WithoutPolicy_RejectedAtStartupSayingWhy()
    {
        var services = new ServiceCollection();
        services.AddMlValue(o => o.RootDirectory = Root).AddLabellingPage(o => o.AnswersPerTask = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LabellingOptions>>().Value);

        StringAssert.Contains(error.Message, "MlValue:Labelling:Policy must name the authorization policy of the people who may label");
        StringAssert.Contains(error.Message, "MlValue:Labelling:AnswersPerTask must be within [1, 20]; it is 0.");
    }

    [TestMethod]
    public void Map_TenChoices_ThrowsOnePerKey()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAuthorization(o => o.AddPolicy("annotators", p => p.RequireAuthenticatedUser()));
        builder.Services.AddMlValue(o => o.RootDirectory = Root).AddLabellingPage(o => o.Policy = "annotators");
        using var app = builder.Build();

        var error = Assert.ThrowsExactly<ArgumentException>(() => app.MapLabellingPage<LabellingApp.Mail, int>("/label", [.. Enumerable.Range(0, 10).Select(i => new LabelChoice<int>(i, $"class {i}"))]));

        StringAssert.Contains(error.Message, "needs 1 to 9 choices with distinct names (one per key 1–9); it has 10");
    }

    private static async Task<(HttpResponseMessage Response, string Html)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static async Task<((string Name, string Value) Token, string Cookie, string Action)> FormAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var action = Regex.Match(html, "<form method=\"post\" action=\"([^\"]+)\"").Groups[1].Value;
        var field = Regex.Match(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");
        Assert.IsTrue(field.Success && action.Length > 0, "the page has no answer form");
        return ((field.Groups[1].Value, System.Net.WebUtility.HtmlDecode(field.Groups[2].Value)), response.Headers.GetValues("Set-Cookie").Single().Split(';')[0], System.Net.WebUtility.HtmlDecode(action));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string cookie, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))) };
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
