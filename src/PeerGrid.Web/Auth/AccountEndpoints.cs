using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Hosting;

namespace PeerGrid.Web.Auth;

/// <summary>
/// The dashboard's log-out: a form POST (antiforgery-checked because it binds a form field) that ends the cookie
/// session like /api/auth/logout does, then sends the browser to the login page. Not part of the REST API.
/// </summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users, [FromForm] string? from) =>
        {
            if (await users.GetUserAsync(context.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(PlatformSetup.LoginPath + "?loggedOut=true");
        }).ExcludeFromDescription();
    }

    /// <summary>A return address the login page may redirect to: a path on this site, else the dashboard.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url : "/dashboard";

    /// <summary>The operator's first page (operators have no household, so no dashboard).</summary>
    public const string OperatorHome = "/operator/clock";

    /// <summary>
    /// Where a fresh login goes: the safe return address, except that an operator asking for the site's root or the
    /// prosumer dashboard (the default) lands on <see cref="OperatorHome"/> instead of "Access denied".
    /// </summary>
    public static string LandingUrl(string? returnUrl, bool isOperator)
    {
        string url = SafeReturnUrl(returnUrl);
        return isOperator && url is "/" or "/dashboard" ? OperatorHome : url;
    }
}
