using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Claims.LoadTests;

/// <summary>
/// Signs the crowd's tokens here, as the payment app's login would, with the deployment's key:
/// a million round trips to a token endpoint would be a rehearsal of the endpoint, not the rush.
/// </summary>
public sealed class ResidentTokens(string signingKey, string issuer = "claims", string audience = "claims-api")
{
    private static readonly string Header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingKey);

    public string Mint(string subject, string role)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["role"] = role,
            ["iss"] = issuer,
            ["aud"] = audience,
            ["nbf"] = now - 60,
            ["iat"] = now,
            ["exp"] = now + 3600,
        }));
        var signed = $"{Header}.{payload}";
        return $"{signed}.{Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed)))}";
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
