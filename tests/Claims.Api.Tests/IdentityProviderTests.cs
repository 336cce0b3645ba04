using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Claims.Api.Tests;

/// <summary>
/// Tokens an identity provider signs with its private key (RS256, ES256) are accepted through
/// the public keys it publishes, given as a key set or found by OpenID Connect discovery.
/// </summary>
public sealed class IdentityProviderTests : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _jwksFile = Path.Combine(Path.GetTempPath(), $"claims-jwks-{Guid.NewGuid():N}.json");

    private SigningCredentials Rsa => new(new RsaSecurityKey(_rsa) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha256);

    private SigningCredentials Ec => new(new ECDsaSecurityKey(_ec) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha256);

    [Fact]
    public async Task TokensSignedWithTheKeysOfAKeySetFileAreAcceptedAndOthersAreNot()
    {
        await File.WriteAllTextAsync(_jwksFile, KeySet(), TestContext.Current.CancellationToken);
        await using var api = ClaimsApiFactory.With(new Dictionary<string, string> { ["Auth:JwksFile"] = _jwksFile });

        Assert.Equal(HttpStatusCode.OK, await WalletStatusAsync(api, TestTokens.Mint("idp-rsa", "resident", Rsa)));
        Assert.Equal(HttpStatusCode.OK, await WalletStatusAsync(api, TestTokens.Mint("idp-ec", "resident", Ec)));

        using var stranger = RSA.Create(2048);
        var forged = TestTokens.Mint("idp-forged", "resident", new SigningCredentials(new RsaSecurityKey(stranger) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha256));
        Assert.Equal(HttpStatusCode.Unauthorized, await WalletStatusAsync(api, forged));
    }

    [Fact]
    public async Task AnAuthoritysPublishedKeysAndIssuerAreFoundByDiscovery()
    {
        await using var provider = await StartProviderAsync();
        await using var api = ClaimsApiFactory.With(new Dictionary<string, string>
        {
            ["Auth:Authority"] = provider.Urls.Single(),
            ["Auth:RequireHttpsMetadata"] = "false",
        });

        var token = TestTokens.Mint("idp-discovered", "resident", Rsa, issuer: provider.Urls.Single());

        Assert.Equal(HttpStatusCode.OK, await WalletStatusAsync(api, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await WalletStatusAsync(api, TestTokens.Mint("idp-other", "resident", Rsa, issuer: "https://elsewhere.example")));
    }

    [Fact]
    public void AKeySetThatIsNotOneStopsTheStart()
    {
        using var api = ClaimsApiFactory.With(new Dictionary<string, string> { ["Auth:Jwks"] = "{\"keys\": 42}" });

        var error = Assert.ThrowsAny<Exception>(() => api.Server);

        Assert.Contains("Auth:Jwks", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _ec.Dispose();
        File.Delete(_jwksFile);
    }

    private static async Task<HttpStatusCode> WalletStatusAsync(ClaimsApiFactory api, string token)
    {
        using var client = api.ClientFor(token);
        return (await client.GetAsync("/me/coupons", TestContext.Current.CancellationToken)).StatusCode;
    }

    private string KeySet()
    {
        var rsa = _rsa.ExportParameters(includePrivateParameters: false);
        var ec = _ec.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new object[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = "rsa-1", n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) },
                new { kty = "EC", use = "sig", alg = "ES256", kid = "ec-1", crv = "P-256", x = Base64UrlEncoder.Encode(ec.Q.X), y = Base64UrlEncoder.Encode(ec.Q.Y) },
            },
        });
    }

    // An identity provider of the test's own: discovery and its key set over plain HTTP.
    private async Task<WebApplication> StartProviderAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next()}");
        var app = builder.Build();
        var keySet = KeySet();
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var authority = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Json(new { issuer = authority, jwks_uri = $"{authority}/keys" });
        });
        app.MapGet("/keys", () => Results.Text(keySet, "application/json"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
