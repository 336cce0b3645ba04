using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Risk;

/// <summary>What risk control learns of each redemption, in the campaign's local time, with the campaign's business hours when it sets them.</summary>
[GenerateSerializer, Immutable, Alias("claims.redemption-seen")]
public sealed record RedemptionSeen(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string OrderId,
    [property: Id(3)] decimal OrderAmount,
    [property: Id(4)] decimal MinSpend,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] BusinessHoursDefinition? BusinessHours = null);
