using System.Security.Claims;

namespace Claims.Api.Auth;

/// <summary>Who a signed-in request speaks for: the token's <c>sub</c>, a resident's, merchant's or operator's id.</summary>
public static class Subjects
{
    /// <summary>The id of the resident, merchant or operator; every token Claims accepts carries one.</summary>
    public static string Subject(this ClaimsPrincipal user) => user.FindFirstValue("sub")!;

    /// <summary>
    /// The verified person behind a resident's account: the token's <c>pid</c> (for example a hash
    /// of the identity number, set by the identity provider), or null when it carries none or one
    /// that is not 1-128 printable characters.
    /// </summary>
    public static string? PersonId(this ClaimsPrincipal user) =>
        user.FindFirstValue("pid") is { } pid && CampaignValidator.IsValidUserId(pid) ? pid : null;

    /// <summary>The person id a claim or a wallet read of <paramref name="campaign"/> carries: only a campaign whose limits count persons uses one.</summary>
    public static string? PersonIdFor(this ClaimsPrincipal user, CampaignDefinition campaign) =>
        campaign.KeyedByPerson() ? user.PersonId() : null;
}
