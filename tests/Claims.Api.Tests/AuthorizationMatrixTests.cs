using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Claims.Api.Tests;

/// <summary>
/// Every endpoint the API maps, read from its routing table (so a new endpoint is covered the day
/// it is added), against every role and no token: the role that owns it gets past authorization,
/// every other role is refused 403 <c>forbidden</c>, and no token 401; public endpoints take anyone,
/// and those for any signed-in caller take every role.
/// </summary>
public sealed partial class AuthorizationMatrixTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    private static readonly string[] Roles = ["resident", "merchant", "operator"];

    [Fact]
    public async Task EveryEndpointTimesEveryRole()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open());
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (Method: method, Endpoint: e)))
            .ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");

        var wrong = new List<string>();
        foreach (var (method, endpoint) in endpoints)
        {
            var path = Parameter().Replace(endpoint.RoutePattern.RawText!, m =>
                m.Value.Contains("campaign", StringComparison.OrdinalIgnoreCase) ? campaign.Id
                : m.Value.Contains(":int", StringComparison.Ordinal) ? "1"
                : "x1");
            path = path.StartsWith('/') ? path : "/" + path;
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var policies = authorize.Select(a => a.Policy).OfType<string>().ToList();
            var anySignedIn = authorize.Count > 0 && policies.Count == 0;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null;
            foreach (var role in Roles.Append(null))
            {
                using var client = factory.ClientFor(role is null ? null : TestTokens.Mint($"matrix-{role}", role));
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "POST" or "PUT" ? JsonContent.Create(new { }) : null };
                // Headers only: the dashboard's log trace streams for as long as it is read.
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
                var status = (int)response.StatusCode;
                var expected = anonymous || (role is not null && (anySignedIn || policies.Contains(role))) ? "past authorization"
                    : role is null ? "401" : "403";
                var actual = status is 401 or 403 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "past authorization";
                // The dashboard's own pages answer a made-up silo address with a 500 of theirs; only
                // their authorization is Claims' to test.
                if (expected != actual || (status >= 500 && !path.StartsWith("/dashboard/", StringComparison.Ordinal)))
                {
                    wrong.Add($"{method} {path} as {role ?? "anonymous"}: {status}, expected {expected}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
