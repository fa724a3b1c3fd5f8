using Microsoft.Playwright;
using MlValue.Runs;
using MlValue.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace MlValue.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser (Debian's Chromium through Playwright) against the seeded app on Kestrel at
/// 127.0.0.1: what a person sees on each page, a rollback and a resume by an authorised user, a refusal for an anonymous
/// one; on every page no console error (a blocked stylesheet or a CSP violation would be one) and no request to any
/// other host.
/// </summary>
[TestClass]
public sealed class DashboardBrowserTests : TempRootTest
{
    [TestMethod]
    public async Task Pages_ShowTablesChartsAndTheDecisionSummary_WithoutConsoleErrorsOrOutsideRequests()
    {
        await using var app = await DashboardApp.StartAsync(Root, kestrel: true);
        await using var session = await BrowserSession.OpenAsync(app.Address, user: null);
        var page = session.Page;

        await page.GotoAsync(session.Url("/mlvalue/"));
        await Expect(page.Locator("table[data-table=models] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table[data-table=loops]")).ToContainTextAsync("failed");
        await Expect(page.Locator("header")).ToHaveCSSAsync("background-color", "rgb(16, 42, 67)");

        await page.GetByRole(AriaRole.Link, new() { Name = "spam", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Model spam");
        await Expect(page.Locator("section[data-alias=champion] h3")).ToHaveTextAsync("champion → v2");
        await Expect(page.Locator("table[data-table=alias-history] tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("table[data-table=versions] tbody tr").First).ToContainTextAsync("rejected REJECT 'v3': auc 0.9300 vs champion 0.9500");

        await page.Locator("table[data-table=versions]").GetByRole(AriaRole.Link, new() { Name = "v3", Exact = true }).ClickAsync();
        await Expect(page.Locator("div.decision p.summary")).ToContainTextAsync("REJECT 'v3'");
        await Expect(page.Locator("table[data-table=checks] tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("ol[data-list=lineage] li")).ToHaveCountAsync(3);

        await page.GotoAsync(session.Url("/mlvalue/monitors/spam"));
        await Expect(page.Locator("svg[data-chart=drift] rect.cell")).ToHaveCountAsync(18);
        await Expect(page.Locator("svg[data-chart=drift] rect[data-verdict=drift]").First).ToBeVisibleAsync();
        await Expect(page.Locator("svg[data-chart=predictions] circle.median")).ToHaveCountAsync(6);
        await Expect(page.Locator("svg[data-chart=performance] circle.point")).ToHaveCountAsync(18);
        var box = await page.Locator("svg[data-chart=drift]").BoundingBoxAsync();
        Assert.IsTrue(box is { Width: > 300, Height: > 40 }, $"the drift chart is not drawn at a readable size: {box?.Width}×{box?.Height}");

        await page.GotoAsync(session.Url("/mlvalue/loops/retrain/runs/run-000001"));
        await Expect(page.Locator("table[data-table=steps] tbody tr").Nth(1)).ToContainTextAsync("the training set has no spam example");

        session.AssertClean();
    }

    [TestMethod]
    public async Task Rollback_AuthorisedUser_ClicksAndSeesTheAliasBackWithTheReasonRecorded()
    {
        await using var app = await DashboardApp.StartAsync(Root, kestrel: true);
        await using var session = await BrowserSession.OpenAsync(app.Address, "alice");
        var page = session.Page;

        await page.GotoAsync(session.Url("/mlvalue/models/spam"));
        var form = page.Locator("section[data-alias=champion] form[data-form=rollback]");
        await form.Locator("input[name=reason]").FillAsync("precision fell on live mail");
        await form.GetByRole(AriaRole.Button, new() { Name = "Roll back champion" }).ClickAsync();

        await Expect(page.Locator("p.notice")).ToContainTextAsync("Alias 'champion' was changed from the dashboard");
        await Expect(page.Locator("section[data-alias=champion] h3")).ToHaveTextAsync("champion → v1");
        await Expect(page.Locator("table[data-table=alias-history] tbody tr").First).ToContainTextAsync("precision fell on live mail (dashboard, alice)");
        Assert.AreEqual(1, (await app.Registry.GetByAliasAsync("spam", "champion"))!.Version);
        session.AssertClean();
    }

    [TestMethod]
    public async Task Rollback_AnonymousUser_SeesNoFormAndAPostIsRefused()
    {
        await using var app = await DashboardApp.StartAsync(Root, kestrel: true);
        await using var session = await BrowserSession.OpenAsync(app.Address, user: null);
        var page = session.Page;

        await page.GotoAsync(session.Url("/mlvalue/models/spam"));
        await Expect(page.Locator("section[data-alias=champion] h3")).ToHaveTextAsync("champion → v2");
        await Expect(page.Locator("form")).ToHaveCountAsync(0);
        var post = await page.APIRequest.PostAsync(session.Url("/mlvalue/models/spam/aliases/champion/rollback"), new() { Form = page.APIRequest.CreateFormData().Set("reason", "not mine to roll back") });

        Assert.AreEqual(401, post.Status);
        Assert.AreEqual(2, (await app.Registry.GetByAliasAsync("spam", "champion"))!.Version);
        session.AssertClean();
    }

    [TestMethod]
    public async Task Resume_AuthorisedUser_ResumesTheFailedRunAndSeesItSucceeded()
    {
        await using var app = await DashboardApp.StartAsync(Root, kestrel: true);
        await using var session = await BrowserSession.OpenAsync(app.Address, "alice");
        var page = session.Page;

        await page.GotoAsync(session.Url("/mlvalue/loops/retrain/runs/run-000001"));
        var form = page.Locator("form[data-form=resume]");
        await form.Locator("input[name=reason]").FillAsync("labels fixed");
        await form.GetByRole(AriaRole.Button, new() { Name = "Resume from the failed step" }).ClickAsync();

        await Expect(page.Locator("p.notice")).ToContainTextAsync("The run was resumed from the dashboard");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("succeeded");
        await Expect(page.Locator("form[data-form=resume]")).ToHaveCountAsync(0);
        Assert.AreEqual(RunStatus.Succeeded, (await app.Runs.ListAsync("retrain")).Single().Status);
        session.AssertClean();
    }
}
