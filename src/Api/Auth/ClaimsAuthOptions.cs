namespace Claims.Api.Auth;

/// <summary>JWT bearer settings (configuration section <c>Auth</c>).</summary>
public sealed class ClaimsAuthOptions : ICheckedOptions
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

    public IEnumerable<string> Problems()
    {
        if (SigningKey is not { Length: >= 32 })
        {
            yield return $"{Section}:{nameof(SigningKey)} must be set, at least 32 characters (there is no default outside Development).";
        }

        if (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience))
        {
            yield return $"{Section}:{nameof(Issuer)} and {Section}:{nameof(Audience)} must not be empty.";
        }
    }
}
