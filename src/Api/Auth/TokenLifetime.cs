using Microsoft.IdentityModel.Tokens;

namespace Claims.Api.Auth;

/// <summary>
/// Token lifetimes checked on the node's clock rather than its wall clock, which a step (a bad
/// NTP correction, a date set by hand) could move past every token's expiry or before its start.
/// A refusal is the exception the default check throws, so the problem's code stays the same.
/// </summary>
public static class TokenLifetime
{
    public static LifetimeValidator On(TimeProvider time) => (notBefore, expires, token, parameters) =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }

        if (notBefore is { } from && from > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException($"The token is valid from {from:O}.") { NotBefore = from };
        }

        if (expires.Value < now - parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException($"The token expired at {expires.Value:O}.") { Expires = expires.Value };
        }

        return true;
    };
}
