namespace Claims.Contracts.Risk;

/// <summary>An alert raised on a merchant's redemptions; <see cref="SuspendedAt"/> is set once an operator suspended the merchant from it.</summary>
[GenerateSerializer, Immutable, Alias("claims.risk-alert")]
public sealed record RiskAlert(
    [property: Id(0)] string Id,
    [property: Id(1)] string MerchantId,
    [property: Id(2)] AlertKind Kind,
    [property: Id(3)] string CampaignId,
    [property: Id(4)] DateTimeOffset RaisedAt,
    [property: Id(5)] string Detail,
    [property: Id(6)] DateTimeOffset? SuspendedAt = null);
