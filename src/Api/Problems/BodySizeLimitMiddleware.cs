namespace Claims.Api.Problems;

/// <summary>
/// Refuses a declared body over the limit before any endpoint reads it. Kestrel enforces the same
/// limit on bodies of unknown length; this also covers hosts without Kestrel's limit.
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > ApiHostingExtensions.MaxRequestBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new()
            {
                HttpContext = context,
                ProblemDetails = { Status = 413, Detail = $"Bodies are limited to {ApiHostingExtensions.MaxRequestBodyBytes} bytes.", Extensions = { ["code"] = ProblemCodes.BodyTooLarge } },
            });
            return;
        }

        await next(context);
    }
}
