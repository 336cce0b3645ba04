using Claims.Api.Problems;

namespace Claims.Api.Auth;

/// <summary>Development only: mints a token so a person with curl can act as any role.</summary>
public static class DevTokensApi
{
    public static IEndpointRouteBuilder MapDevTokensApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/dev/token", Results<ContentHttpResult, ProblemHttpResult> (string sub, string role, int? minutes, string? pid, TokenIssuer issuer) =>
        {
            if (string.IsNullOrWhiteSpace(sub) || sub.Length > 128 || !Roles.All.Contains(role) || minutes is <= 0 or > 1440 || (pid is not null && !CampaignValidator.IsValidUserId(pid)))
            {
                return ApiProblem.BadRequest(ProblemCodes.InvalidRequest, "Give sub (1-128 characters), role (resident, merchant or operator), minutes (1-1440) and optionally pid (the person's id, 1-128 characters).");
            }

            return TypedResults.Text(issuer.Issue(sub, role, TimeSpan.FromMinutes(minutes ?? 60), pid));
        }).AllowAnonymous();
        return routes;
    }
}
