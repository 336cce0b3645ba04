namespace Claims.Grains.Campaigns;

/// <summary>Where a round's coupons lead once granted: how long they stay valid, and where unused value goes.</summary>
public static class RoundPolicy
{
    /// <summary>When a coupon of <paramref name="round"/> claimed at <paramref name="claimedAt"/> expires.</summary>
    public static DateTimeOffset ValidUntil(this RoundDefinition round, DateTimeOffset claimedAt) =>
        round.Extended(
            round.Validity.Days is { } days ? claimedAt.AddDays(days)
            : round.Validity.Until is { } until ? until
            : round.ClosesAt);

    /// <summary>
    /// A coupon's validity after the round's extensions: each one made while the coupon was still
    /// valid lengthens it to the extension's end. Applying it again changes nothing, so a
    /// validity stored already extended reads the same.
    /// </summary>
    public static DateTimeOffset Extended(this RoundDefinition round, DateTimeOffset validUntil)
    {
        foreach (var extension in round.Validity.Extensions ?? [])
        {
            if (validUntil > extension.At && extension.Until > validUntil)
            {
                validUntil = extension.Until;
            }
        }

        return validUntil;
    }

    /// <summary>
    /// Where coupons of <paramref name="couponTypeId"/> leaving round <paramref name="from"/> go at
    /// <paramref name="now"/>: the first round of that type paid by the same fund, or the same
    /// co-funders in the same shares (funds are never mixed), that has not closed, starting with <paramref name="from"/> itself when
    /// <paramref name="includeFrom"/>. Null means the fund: no such round is left.
    /// </summary>
    public static RoundDefinition? RolloverTarget(this CampaignDefinition campaign, RoundDefinition from, string couponTypeId, DateTimeOffset now, bool includeFrom) =>
        campaign.Rounds
            .Where(r => r.Stock.ContainsKey(couponTypeId) && r.PaidLike(from) && now < r.ClosesAt)
            .Where(r => includeFrom ? r.OpensAt >= from.OpensAt : r.OpensAt > from.OpensAt)
            .OrderBy(r => r.OpensAt)
            .FirstOrDefault();
}
