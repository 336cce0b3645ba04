using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Claims;

/// <summary>
/// A claim's refusal as problem details, serialized once per refusal when the process starts: a
/// rush answers most of a crowd with the same few bodies, and writing one is a copy of bytes.
/// </summary>
public sealed class ClaimRefused : IResult, IEndpointMetadataProvider
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<ClaimRefusal, ClaimRefused> ByRefusal = Enum.GetValues<ClaimRefusal>().ToDictionary(r => r, r => new ClaimRefused(r));

    private readonly byte[] _body;

    private ClaimRefused(ClaimRefusal refusal)
    {
        // A newer quota activation took over: the same claim again is answered by it.
        StatusCode = refusal == ClaimRefusal.Superseded ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status409Conflict;
        Code = ClaimRefusalCodes.Code(refusal);
        _body = JsonSerializer.SerializeToUtf8Bytes(
            new ProblemDetails
            {
                Type = StatusCode == StatusCodes.Status409Conflict ? "https://tools.ietf.org/html/rfc9110#section-15.5.10" : "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                Title = StatusCode == StatusCodes.Status409Conflict ? "Conflict" : "Service Unavailable",
                Status = StatusCode,
                Detail = ClaimRefusalCodes.Detail(refusal),
                Extensions = { ["code"] = Code },
            },
            Json);
    }

    public int StatusCode { get; }

    public string Code { get; }

    public static ClaimRefused Of(ClaimRefusal refusal) => ByRefusal[refusal];

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/problem+json";
        response.ContentLength = _body.Length;
        if (StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = "1";
        }

        return response.Body.WriteAsync(_body).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status409Conflict, typeof(ProblemDetails), ["application/problem+json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(ProblemDetails), ["application/problem+json"]));
    }
}
