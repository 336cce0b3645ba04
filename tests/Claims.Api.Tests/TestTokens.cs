using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Claims.Api.Tests;

/// <summary>Mints tokens the way a real issuer would, and the ways a forger or a stale client would.</summary>
public static class TestTokens
{
    public const string SigningKey = "claims-test-signing-key-0123456789abcdef";

    public static string Resident(string userId) => Mint(userId, "resident");

    /// <summary>A resident's token carrying the verified person behind the account (<c>pid</c>).</summary>
    public static string Person(string userId, string personId) =>
        Mint(userId, "resident", new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256), personId: personId);

    public static string Operator(string userId = "ops") => Mint(userId, "operator");

    public static string Merchant(string merchantId) => Mint(merchantId, "merchant");

    public static string Mint(string subject, string role, string key = SigningKey, string audience = "claims-api", string issuer = "claims", TimeSpan? lifetime = null, DateTime? issuedAt = null) =>
        Mint(subject, role, new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256), audience, issuer, lifetime, issuedAt);

    /// <summary>A token signed as an identity provider signs it, with its private key.</summary>
    public static string Mint(string subject, string role, SigningCredentials credentials, string audience = "claims-api", string issuer = "claims", TimeSpan? lifetime = null, DateTime? issuedAt = null, string? personId = null)
    {
        var now = issuedAt ?? DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(personId is null ? [new Claim("sub", subject), new Claim("role", role)] : [new Claim("sub", subject), new Claim("role", role), new Claim("pid", personId)]),
            NotBefore = now,
            IssuedAt = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = credentials,
        });
    }
}
