using Microsoft.Playwright;

namespace MlValue.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download is not used): the browser named by
/// <c>MLVALUE_CHROMIUM</c>, else the one the Debian package <c>chromium</c> installs.
/// </summary>
public static class Chromium
{
    public const string Variable = "MLVALUE_CHROMIUM";

    private static readonly string[] DebianPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    public static string ExecutablePath
        => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
            ? path
            : DebianPaths.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
                $"The browser tests need Chromium: install Debian's package (apt-get install chromium) or export {Variable}=<path of a chromium executable>. .ci/run installs it.");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
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
