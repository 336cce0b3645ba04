using System.Text;

namespace Claims.Api.Tests;

/// <summary>One generated bad request and the answer it must get.</summary>
public sealed record HostileRequest(string Kind, HttpMethod Method, string Path, string? Token, string? Body, string ContentType, HttpStatusCode Status, string Code)
{
    public string? IdempotencyKey { get; init; }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Token is not null)
        {
            message.Headers.Authorization = new("Bearer", Token);
        }

        if (IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8, ContentType);
        }

        return message;
    }

    public override string ToString() => $"{Kind}: {Method} {Path} {(Body is { Length: > 120 } ? Body[..120] + "..." : Body)}";
}
