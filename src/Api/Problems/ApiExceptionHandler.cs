using System.Text.Json;
using Claims.Client.Telemetry;
using Microsoft.AspNetCore.Diagnostics;

namespace Claims.Api.Problems;

/// <summary>
/// Turns exceptions into problem details: bad bodies into 4xx, a silo or store that cannot answer
/// into 503 with a retry hint (the claim can be retried with its idempotency key), anything else into 500.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ClaimsMetrics metrics, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    private static readonly (int, string, string) Unavailable = (503, ProblemCodes.Unavailable, "Claims is busy or recovering; retry shortly (with the same Idempotency-Key).");

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, ProblemCodes.MalformedJson, $"The body is not valid JSON for this request: {json.Message}"),
            BadHttpRequestException { StatusCode: 413 } => (413, ProblemCodes.BodyTooLarge, "The body is larger than this endpoint accepts."),
            BadHttpRequestException { StatusCode: 415 } => (415, ProblemCodes.UnsupportedMediaType, "Send the body as application/json."),
            BadHttpRequestException bad => (bad.StatusCode, ProblemCodes.ForStatus(bad.StatusCode), bad.Message),
            TimeoutException or Orleans.Runtime.OrleansException or System.Data.Common.DbException => Unavailable,

            // Orleans cancels a call whose target silo died before the call was placed again: the
            // cluster is recovering, and the same request succeeds once it has.
            OperationCanceledException when !httpContext.RequestAborted.IsCancellationRequested => Unavailable,
            _ => (500, ProblemCodes.InternalError, "Something went wrong on our side."),
        };

        if (status == 503)
        {
            // Shedding under overload answers thousands of these a second: one line each, no trace.
            LogUnavailable(httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
            httpContext.Response.Headers.RetryAfter = "1";
            if (HttpMethods.IsPost(httpContext.Request.Method) && httpContext.Request.Path.Value?.EndsWith("/claims", StringComparison.Ordinal) == true)
            {
                metrics.Refused(null, null, ProblemCodes.Unavailable);
            }
        }
        else if (status >= 500)
        {
            LogFailed(exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Detail = detail, Extensions = { ["code"] = code } },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private partial void LogFailed(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: {Reason}: {Detail}")]
    private partial void LogUnavailable(string method, string path, string reason, string detail);
}
