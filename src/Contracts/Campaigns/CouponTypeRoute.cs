namespace Claims.Contracts.Campaigns;

/// <summary>A coupon type as claims are routed: its quota scope and the rounds that stock it.</summary>
public sealed class CouponTypeRoute
{
    private readonly RoundRoute[] _rounds;

    internal CouponTypeRoute(CampaignDefinition campaign, CouponTypeDefinition couponType)
    {
        CouponType = couponType;
        QuotaScope = campaign.QuotaScopeFor(couponType);
        _rounds = [.. campaign.Rounds.Where(r => r.Stock.ContainsKey(couponType.Id)).Select(r => new RoundRoute(campaign, r, couponType))];
    }

    public CouponTypeDefinition CouponType { get; }

    public string QuotaScope { get; }

    /// <summary>The round in which the type can be claimed at <paramref name="now"/>, if any.</summary>
    public RoundRoute? OpenRound(DateTimeOffset now)
    {
        foreach (var round in _rounds)
        {
            if (round.Round.OpensAt <= now && now < round.Round.ClosesAt)
            {
                return round;
            }
        }

        return null;
    }

    /// <summary>The draw round taking registrations for the type at <paramref name="now"/>, if any.</summary>
    public RoundRoute? RegistrationRound(DateTimeOffset now) =>
        Array.Find(_rounds, r => r.Round.Draw is { } draw && draw.RegistersFrom <= now && now < r.Round.OpensAt);

    /// <summary>The route of round <paramref name="roundId"/>, if it stocks the type.</summary>
    public RoundRoute? Round(string roundId) => Array.Find(_rounds, r => r.Round.Id == roundId);
}
