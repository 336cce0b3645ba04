using System.Collections.Concurrent;
using System.Text.Json;

namespace Claims.Api.Tests.Histories;

/// <summary>
/// Every operation clients sent during a run, in the order they were answered, with what each saw.
/// Operations are recorded by <see cref="SendAsync"/>, which never throws for what a network or a
/// server can do to a request: a timeout or a reset is an answer too, an uncertain one.
/// </summary>
public sealed class History
{
    private readonly ConcurrentQueue<Operation> _operations = new();

    public IReadOnlyList<Operation> Operations => [.. _operations];

    /// <summary>Sends one attempt, records it, and returns what the client saw.</summary>
    public async Task<Operation> SendAsync(OperationKind kind, string resident, string key, string subject, string node, Func<CancellationToken, Task<HttpResponseMessage>> send, TimeSpan timeout)
    {
        var sent = DateTimeOffset.UtcNow;
        Operation operation;
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            using var response = await send(deadline.Token);
            var body = await ReadAsync(response, deadline.Token);
            operation = new(kind, resident, key, subject, node, sent, DateTimeOffset.UtcNow, (int)response.StatusCode,
                Text(body, "code"), kind == OperationKind.Claim ? Text(body, "couponId") : subject, null, response.Headers.RetryAfter is not null);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            operation = new(kind, resident, key, subject, node, sent, DateTimeOffset.UtcNow, 0, null, null, exception.GetType().Name);
        }

        _operations.Enqueue(operation);
        return operation;
    }

    private static async Task<JsonElement?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement? body, string property) =>
        body is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
