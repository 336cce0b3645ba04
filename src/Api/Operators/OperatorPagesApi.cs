using Claims.Api.Auth;

namespace Claims.Api.Operators;

/// <summary>
/// The operators' campaign page: a static page that reads the admin API with the sign-in cookie.
/// It shows live stock per pool, claims per second and sold-out times while a round runs, the
/// report and settlement with charts, and the alerts, each with a button that suspends its
/// merchant.
/// </summary>
public static class OperatorPagesApi
{
    public static IEndpointRouteBuilder MapOperatorPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/operator/campaigns/{campaignId}", () => TypedResults.Content(CampaignPage.Html, "text/html; charset=utf-8"))
            .RequireAuthorization(Roles.Operator)
            .ExcludeFromDescription();
        return routes;
    }
}
