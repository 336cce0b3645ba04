using Microsoft.AspNetCore.Http.Metadata;

namespace Claims.Api.Problems;

/// <summary>
/// Refuses a declared body over the limit before any endpoint reads it. Kestrel enforces the same
/// limit on bodies of unknown length; this also covers hosts without Kestrel's limit. An endpoint
/// that takes more (a member list's CSV chunk) says so with <see cref="IRequestSizeLimitMetadata"/>,
/// which routing, chosen before this runs, also hands to Kestrel.
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    // Not async on the way through: every request passes here, and an async method would box
    // its state for each one that waits on a grain.
    public Task InvokeAsync(HttpContext context) =>
        context.Request.ContentLength > ApiHostingExtensions.MaxRequestBodyBytes && context.Request.ContentLength > Limit(context) ? RefuseAsync(context) : next(context);

    private static long Limit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? ApiHostingExtensions.MaxRequestBodyBytes;

    private Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return problems.WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = { Status = 413, Detail = $"Bodies are limited to {Limit(context)} bytes.", Extensions = { ["code"] = ProblemCodes.BodyTooLarge } },
        }).AsTask();
    }
}
