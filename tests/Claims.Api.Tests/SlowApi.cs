namespace Claims.Api.Tests;

/// <summary>A server that answers every claim <paramref name="delay"/> late: the planted slowness a latency threshold must catch.</summary>
public sealed class SlowApi(HttpMessageHandler api, TimeSpan delay) : DelegatingHandler(api)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath.EndsWith("/claims", StringComparison.Ordinal))
        {
            await Task.Delay(delay, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
