using Microsoft.IdentityModel.Tokens;

namespace Claims.Api.Auth;

/// <summary>JWT bearer settings (configuration section <c>Auth</c>).</summary>
public sealed class ClaimsAuthOptions : ICheckedOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The HS256 key, at least 32 bytes, for tokens signed with a shared secret. Outside
    /// Development it, <see cref="Authority"/>, <see cref="Jwks"/> or <see cref="JwksFile"/> must
    /// be set; in Development a fixed key is used when none is configured, so the development token
    /// endpoint works out of the box.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// An identity provider's address (OpenID Connect discovery at
    /// <c>{Authority}/.well-known/openid-configuration</c>): tokens signed with the keys it
    /// publishes (RS256, ES256) are accepted, and its issuer besides <see cref="Issuer"/>. Its keys
    /// are fetched at the first request and refreshed as the provider rotates them.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Whether <see cref="Authority"/> must be https (true outside tests and closed networks).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Public keys as a JSON Web Key Set (the <c>{"keys":[...]}</c> document), RS256 or ES256.</summary>
    public string? Jwks { get; set; }

    /// <summary>A file holding a JSON Web Key Set, read at start.</summary>
    public string? JwksFile { get; set; }

    /// <summary>Expected <c>iss</c>.</summary>
    public string Issuer { get; set; } = "claims";

    /// <summary>Expected <c>aud</c>.</summary>
    public string Audience { get; set; } = "claims-api";

    internal const string DevelopmentSigningKey = "claims-development-signing-key-not-for-production";

    public IEnumerable<string> Problems()
    {
        if (SigningKey is { Length: > 0 and < 32 })
        {
            yield return $"{Section}:{nameof(SigningKey)} must be set to at least 32 characters, not {SigningKey.Length}.";
        }

        if (string.IsNullOrWhiteSpace(SigningKey) && string.IsNullOrWhiteSpace(Authority) && string.IsNullOrWhiteSpace(Jwks) && string.IsNullOrWhiteSpace(JwksFile))
        {
            yield return $"{Section}:{nameof(SigningKey)} must be set, at least 32 characters, or {Section}:{nameof(Authority)}, {Section}:{nameof(Jwks)} or {Section}:{nameof(JwksFile)} (there is no default outside Development).";
        }

        if (!string.IsNullOrWhiteSpace(Authority) && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return $"{Section}:{nameof(Authority)} must be an absolute address, not '{Authority}'.";
        }

        if (!string.IsNullOrWhiteSpace(JwksFile) && !File.Exists(JwksFile))
        {
            yield return $"{Section}:{nameof(JwksFile)} names no file: '{JwksFile}'.";
        }

        if (PublishedKeysProblem() is { } problem)
        {
            yield return problem;
        }
    }

    /// <summary>The keys of <see cref="Jwks"/> and <see cref="JwksFile"/>.</summary>
    public IReadOnlyList<SecurityKey> PublishedKeys() =>
        [.. new[] { Jwks, JwksFile is { Length: > 0 } file && File.Exists(file) ? File.ReadAllText(file) : null }
            .Where(json => !string.IsNullOrWhiteSpace(json))
            .SelectMany(json => new JsonWebKeySet(json).GetSigningKeys())];

    private string? PublishedKeysProblem()
    {
        try
        {
            return PublishedKeys() is { Count: 0 } && (!string.IsNullOrWhiteSpace(Jwks) || !string.IsNullOrWhiteSpace(JwksFile))
                ? $"{Section}:{nameof(Jwks)} or {Section}:{nameof(JwksFile)} holds no signing key."
                : null;
        }
        catch (ArgumentException exception)
        {
            return $"{Section}:{nameof(Jwks)} or {Section}:{nameof(JwksFile)} is not a JSON Web Key Set: {exception.Message}";
        }
    }
}
