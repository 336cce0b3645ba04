namespace Claims.Api.Docs;

/// <summary>
/// The API's OpenAPI document, generated from the endpoints at <c>/openapi/v1.json</c>, with every
/// problem code in its description, and <c>/docs</c>, a page that shows it. Both are public: they
/// describe the API, not its data.
/// </summary>
public static class ApiDocs
{
    public static IHostApplicationBuilder AddClaimsApiDocs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Claims API";
            document.Info.Description =
                "Government consumption coupons: claims in the 10:00 rush, redemptions at merchants' tills, and the operators' campaigns, reports and settlement. "
                + "Send a bearer JWT (HS256) whose `role` is `resident`, `merchant` or `operator`. Every error is RFC 7807 problem details with one of these `code` values:\n\n"
                + ProblemCatalog.Markdown();
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static IEndpointRouteBuilder MapClaimsApiDocs(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi().AllowAnonymous();
        routes.MapGet("/docs", () => TypedResults.Content(DocsPage.Html, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }
}
