using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Claims.Api.Auth;

/// <summary>
/// Signs tokens this node accepts: the development token endpoint's and the warm-up's. With
/// <c>Auth:SigningKey</c> it signs with that key; a node that accepts only an identity provider's
/// tokens signs with a random key of its own that never leaves the process.
/// </summary>
public sealed class TokenIssuer(IOptions<ClaimsAuthOptions> options, TimeProvider time)
{
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => options.Value.SigningKey is { Length: > 0 } configured
        ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured))
        : new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));

    /// <summary>The key this node signs with, accepted by its token validation.</summary>
    internal SecurityKey Key => _key.Value;

    public string Issue(string subject, string role, TimeSpan lifetime, string? personId = null)
    {
        var auth = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(personId is null ? [new Claim("sub", subject), new Claim("role", role)] : [new Claim("sub", subject), new Claim("role", role), new Claim("pid", personId)]),
            NotBefore = now,
            IssuedAt = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
