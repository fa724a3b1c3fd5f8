using Microsoft.Playwright;

namespace MlValue.Tests.Support;

/// <summary>A browser context for one user (header <see cref="TestUsers.Header"/>) that records console errors and warnings and every request.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly List<string> _requests = [];
    private readonly Uri _address;
    private readonly IBrowserContext _context;

    private BrowserSession(Uri address, IBrowserContext context, IPage page)
    {
        _address = address;
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _errors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Add("page error: " + error);
        page.Request += (_, request) => _requests.Add(request.Url);
    }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(Uri address, string? user)
    {
        var browser = await Chromium.BrowserAsync();
        var headers = user is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [TestUsers.Header] = user };
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ExtraHTTPHeaders = headers });
        return new BrowserSession(address, context, await context.NewPageAsync());
    }

    public string Url(string path) => new Uri(_address, path).ToString();

    /// <summary>No console error or warning, and every request went to the app itself.</summary>
    public void AssertClean()
    {
        Assert.AreEqual(0, _errors.Count, "console: " + string.Join(" | ", _errors));
        Assert.IsTrue(_requests.Count > 0, "no request was seen");
        var outside = _requests.Where(r => !r.StartsWith(_address.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(0, outside.Count, "requests left the host: " + string.Join(", ", outside));
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
