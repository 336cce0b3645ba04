namespace Claims.Api.Auth;

/// <summary>JWT bearer settings (configuration section <c>Auth</c>).</summary>
public sealed class ClaimsAuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The HS256 key, at least 32 bytes. Required outside Development; in Development a fixed
    /// key is used when none is configured, so the development token endpoint works out of the box.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Expected <c>iss</c>.</summary>
    public string Issuer { get; set; } = "claims";

    /// <summary>Expected <c>aud</c>.</summary>
    public string Audience { get; set; } = "claims-api";

    internal const string DevelopmentSigningKey = "claims-development-signing-key-not-for-production";
}
