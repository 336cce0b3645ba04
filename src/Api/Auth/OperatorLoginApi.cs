using Claims.Api.Problems;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Claims.Api.Auth;

/// <summary>
/// Signs an operator's browser in with their token, so the dashboard and the operator pages open
/// without a bearer header: the token is checked as the API checks it, must carry the operator
/// role, and is kept in an HttpOnly, same-site cookie until it expires.
/// </summary>
public static class OperatorLoginApi
{
    public const string CookieName = "claims-operator";

    /// <summary>
    /// The header the operators' pages send with every change they make. The cookie alone signs
    /// in only reads: a form on another site can make a browser post with the cookie, but it
    /// cannot add a header without a CORS preflight, which this API never grants.
    /// </summary>
    public const string ChangeHeader = "X-Claims-Operator";

    /// <summary>Whether a request may be signed in by the cookie: reads always, changes only with <see cref="ChangeHeader"/>.</summary>
    public static bool CookieMaySignIn(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.Headers.ContainsKey(ChangeHeader);

    private const string LoginPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Claims: operator sign-in</title>
        <style>body{font:16px system-ui,sans-serif;max-width:40rem;margin:4rem auto}textarea{width:100%;height:8rem}</style></head>
        <body><h1>Operator sign-in</h1>
        <form method="post" action="/operator/login"><p><label for="token">Your operator token</label></p>
        <textarea id="token" name="token" required></textarea>
        <input type="hidden" name="returnUrl" value="{returnUrl}"><p><button type="submit">Sign in</button></p></form>
        </body></html>
        """;

    public static IEndpointRouteBuilder MapOperatorLoginApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/operator/login", (string? returnUrl) =>
            TypedResults.Content(LoginPage.Replace("{returnUrl}", System.Net.WebUtility.HtmlEncode(LocalOrHome(returnUrl)), StringComparison.Ordinal), "text/html; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        routes.MapPost("/operator/login", SignInAsync).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/operator/logout", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(CookieName);
            return TypedResults.Redirect("/operator/login");
        }).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignInAsync(HttpContext http, IOptionsMonitor<JwtBearerOptions> bearer)
    {
        if (!http.Request.HasFormContentType)
        {
            return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, "Post the form: token (and returnUrl).");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var token = form["token"].ToString().Trim();
        var parameters = bearer.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return ApiProblem.Create(StatusCodes.Status401Unauthorized, ProblemCodes.InvalidToken, "The token is not one this API accepts.");
        }

        if (!result.ClaimsIdentity.HasClaim("role", Roles.Operator))
        {
            return ApiProblem.Create(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Only an operator's token signs in here.");
        }

        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Expires = result.SecurityToken.ValidTo,
        });
        return TypedResults.Redirect(LocalOrHome(form["returnUrl"]));
    }

    /// <summary>Where a browser that is not signed in goes from an operator's page.</summary>
    public static string LoginPath(HttpRequest request) =>
        $"/operator/login?returnUrl={Uri.EscapeDataString(request.Path + request.QueryString)}";

    // Only a path on this site: a sign-in must not become a redirect to anywhere.
    private static string LocalOrHome(string? returnUrl) =>
        RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "/dashboard/";
}
