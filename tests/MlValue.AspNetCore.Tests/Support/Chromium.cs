using Microsoft.Playwright;

namespace MlValue.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download is not used): the browser named by
/// <c>MLVALUE_CHROMIUM</c>, else the one the Debian package <c>chromium</c> installs.
/// </summary>
[TestClass]
public sealed class Chromium
{
    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Shared = new(LaunchAsync);

    public const string Variable = "MLVALUE_CHROMIUM";

    private static readonly string[] DebianPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    public static string ExecutablePath
        => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
            ? path
            : DebianPaths.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
                $"The browser tests need Chromium: install Debian's package (apt-get install chromium) or export {Variable}=<path of a chromium executable>. .ci/run installs it.");

    /// <summary>The one browser every browser test of this assembly opens its contexts in, launched on first use.</summary>
    public static async Task<IBrowser> BrowserAsync() => (await Shared.Value).Browser;

    [AssemblyCleanup]
    public static async Task CloseAsync()
    {
        if (Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully)
        {
            var (playwright, browser) = Shared.Value.Result;
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
