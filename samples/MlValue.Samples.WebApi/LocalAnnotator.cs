using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MlValue.Samples.WebApi;

/// <summary>
/// The sample's sign-in for labelling on one's own machine: a request from loopback is signed in as the person named
/// by <c>--annotator</c> (<c>WebApi:Annotator</c>); without that setting, or from another address, nobody is. A real
/// app uses its own authentication (cookies, OpenID Connect, …) and the same policy.
/// </summary>
public sealed class LocalAnnotator(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<WebApiOptions> settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "local-annotator";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var name = settings.CurrentValue.Annotator;
        var remote = Context.Connection.RemoteIpAddress;
        if (string.IsNullOrWhiteSpace(name) || (remote is not null && !IPAddress.IsLoopback(remote)))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
