using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MlValue.Tests.Support;

/// <summary>The host the page tests start: Kestrel at 127.0.0.1 (for the browser) or an in-memory TestServer, logging off, <see cref="TestUsers"/> sign-in.</summary>
public static class TestHosts
{
    public static WebApplicationBuilder CreateBuilder(bool kestrel)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        if (kestrel)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(TestUsers.SchemeName).AddScheme<AuthenticationSchemeOptions, TestUsers>(TestUsers.SchemeName, null);
        return builder;
    }

    /// <summary>The started app's address: Kestrel's bound address, or <c>http://localhost</c> on a TestServer.</summary>
    public static Uri AddressOf(WebApplication app)
        => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.SingleOrDefault() is { } address
            ? new Uri(address)
            : new Uri("http://localhost");
}
