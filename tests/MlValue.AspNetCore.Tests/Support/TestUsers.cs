using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MlValue.Tests.Support;

/// <summary>
/// Test sign-in: the user named in header <see cref="Header"/> (no header: anonymous). <c>alice</c> has role <c>admin</c>;
/// <c>alice</c>, <c>bob</c> and <c>carol</c> have role <c>annotator</c>; anyone else has no role.
/// </summary>
public sealed class TestUsers(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[Header].ToString() is not { Length: > 0 } user)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        List<Claim> claims = [new(ClaimTypes.Name, user)];
        if (user == "alice")
        {
            claims.Add(new Claim(ClaimTypes.Role, "admin"));
        }

        if (user is "alice" or "bob" or "carol")
        {
            claims.Add(new Claim(ClaimTypes.Role, "annotator"));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
    }
}
