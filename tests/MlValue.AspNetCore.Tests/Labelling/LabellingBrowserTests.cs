using Microsoft.Playwright;
using MlValue.Annotation;
using MlValue.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace MlValue.Tests.Labelling;

/// <summary>
/// The labelling page in Debian's Chromium (Playwright) against the app on Kestrel at 127.0.0.1: a person labels with the
/// keyboard, refreshes and submits twice without losing or doubling an answer; two people's agreement on the page is
/// the κ computed from the queue; an anonymous visitor is refused. No console error, no request to another host.
/// </summary>
[TestClass]
public sealed class LabellingBrowserTests : TempRootTest
{
    /// <summary>Set to a folder to write the screenshot <c>labelling-page.png</c> that docs/annotation.md shows.</summary>
    private const string ScreenshotVariable = "MLVALUE_SCREENSHOTS";

    [TestMethod]
    public async Task Keyboard_TenTasksWithARefreshAndADoubleSubmit_TheQueueHoldsExactlyTenAnswersByThatPerson()
    {
        await using var app = await LabellingApp.StartAsync(Root, kestrel: true);
        await using var session = await BrowserSession.OpenAsync(app.Address, "alice");
        var page = session.Page;
        await page.GotoAsync(session.Url("/label/"));
        if (Environment.GetEnvironmentVariable(ScreenshotVariable) is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "labelling-page.png"), FullPage = true });
        }

        for (var i = 0; i < 10; i++)
        {
            await Expect(page.Locator("h1")).ToHaveTextAsync($"Task {i + 1} of {LabellingApp.Count}");
            if (i == 4)
            {
                await page.ReloadAsync();
                await Expect(page.Locator("h1")).ToHaveTextAsync($"Task {i + 1} of {LabellingApp.Count}", new() { Timeout = 10_000 });
            }

            if (i == 6)
            {
                // Submit this task's form twice: once by key, once again with the very same form (token and all).
                var action = await page.Locator("form[data-form=answer]").GetAttributeAsync("action");
                var token = page.Locator("form[data-form=answer] input[type=hidden]");
                var (name, value) = (await token.GetAttributeAsync("name"), await token.GetAttributeAsync("value"));
                await page.Keyboard.PressAsync("1");
                await Expect(page.Locator("p.notice")).ToHaveTextAsync("Saved your answer.");
                var again = await page.APIRequest.PostAsync(session.Url(action!), new() { Form = page.APIRequest.CreateFormData().Set(name!, value!).Set("choice", "0"), MaxRedirects = 0 });
                Assert.AreEqual(303, again.Status);
                StringAssert.EndsWith(again.Headers["location"], "saved=unchanged");
                continue;
            }

            await page.Keyboard.PressAsync(i % 3 == 0 ? "2" : "1");
            await Expect(page.Locator("p.notice")).ToHaveTextAsync("Saved your answer.");
        }

        await Expect(page.Locator("h1")).ToHaveTextAsync($"Task 11 of {LabellingApp.Count}");
        var answers = await app.Queue.GetAnswersAsync<string>();
        Assert.AreEqual(10, answers.Count);
        Assert.IsTrue(answers.All(a => a.AnnotatorId == "alice"));
        CollectionAssert.AreEqual(LabellingApp.Mails.Take(10).Select(m => m.Id).ToArray(), answers.Select(a => a.ItemId).ToArray());
        Assert.AreEqual("ham", answers[0].Label, "key 2 on the first task");
        Assert.AreEqual("spam", answers[1].Label, "key 1 on the second");
        session.AssertClean();
    }

    [TestMethod]
    public async Task Keyboard_SkipAndAbstain_SkippedTaskComesLastAndTheAbstainIsKept()
    {
        await using var app = await LabellingApp.StartAsync(Root, kestrel: true);
        await using var session = await BrowserSession.OpenAsync(app.Address, "bob");
        var page = session.Page;

        await page.GotoAsync(session.Url("/label/"));
        await Expect(page.Locator("section.item")).ToContainTextAsync("mail-00");
        await page.Keyboard.PressAsync("s");
        await Expect(page.Locator("section.item")).ToContainTextAsync("mail-01");
        await page.Keyboard.PressAsync("a");
        await Expect(page.Locator("p.notice")).ToHaveTextAsync("Saved your answer.");
        await Expect(page.Locator("section.item")).ToContainTextAsync("mail-00");

        var answer = (await app.Queue.GetAnswersAsync<string>()).Single();
        Assert.AreEqual(("mail-01", true), (answer.ItemId, answer.IsAbstain));
        session.AssertClean();
    }

    [TestMethod]
    public async Task TwoPeople_LabelTheSameTasks_TheAgreementShownIsCohensKappaOfTheirAnswers()
    {
        await using var app = await LabellingApp.StartAsync(Root, kestrel: true, answersPerTask: 2);
        await using var alice = await BrowserSession.OpenAsync(app.Address, "alice");
        await using var bob = await BrowserSession.OpenAsync(app.Address, "bob");
        string[] aliceKeys = ["1", "1", "2", "2", "1", "2", "1", "2"];
        string[] bobKeys = ["1", "2", "2", "2", "1", "1", "1", "1"];

        await LabelAsync(alice, aliceKeys);
        await LabelAsync(bob, bobKeys);
        await alice.Page.GotoAsync(alice.Url("/label/status"));

        var answers = await app.Queue.GetAnswersAsync<string>();
        var kappa = Agreement.CohensKappa(answers.Where(a => a.AnnotatorId == "alice"), answers.Where(a => a.AnnotatorId == "bob"));
        Assert.AreEqual(8, kappa.Items);
        await Expect(alice.Page.Locator("[data-agreement]")).ToHaveAttributeAsync("data-agreement", kappa.Kappa.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(alice.Page.Locator("[data-count=done]")).ToHaveTextAsync("8");
        await Expect(alice.Page.Locator("table[data-table=annotators] tbody tr")).ToHaveCountAsync(2);
        alice.AssertClean();
        bob.AssertClean();
    }

    [TestMethod]
    public async Task Anonymous_IsRefusedAndSeesNoItem()
    {
        await using var app = await LabellingApp.StartAsync(Root, kestrel: true);
        await using var session = await BrowserSession.OpenAsync(app.Address, user: null);

        var next = await session.Page.APIRequest.GetAsync(session.Url("/label/"));
        var status = await session.Page.APIRequest.GetAsync(session.Url("/label/status"));
        var answer = await session.Page.APIRequest.PostAsync(session.Url("/label/tasks/" + AnnotationTaskQueue.TaskIdFor("mail-00")), new() { Form = session.Page.APIRequest.CreateFormData().Set("choice", "0") });

        Assert.AreEqual(401, next.Status);
        Assert.AreEqual(401, status.Status);
        Assert.AreEqual(401, answer.Status);
        Assert.IsFalse((await next.TextAsync()).Contains("mail-00", StringComparison.Ordinal));
        Assert.AreEqual(0, (await app.Queue.GetStatusAsync()).Answers);
    }

    private static async Task LabelAsync(BrowserSession session, string[] keys)
    {
        await session.Page.GotoAsync(session.Url("/label/"));
        for (var i = 0; i < keys.Length; i++)
        {
            await Expect(session.Page.Locator("section.item")).ToContainTextAsync(LabellingApp.Mails[i].Id);
            await session.Page.Keyboard.PressAsync(keys[i]);
            await Expect(session.Page.Locator("p.notice")).ToHaveTextAsync("Saved your answer.");
        }
    }
}
