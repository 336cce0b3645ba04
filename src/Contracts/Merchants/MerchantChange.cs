namespace Claims.Contracts.Merchants;

/// <summary>
/// The merchant after a registration or status change. <see cref="Applied"/> is false when the
/// change was refused: a registration that differs from the existing one, or a transition the
/// current status does not allow. <see cref="Merchant"/> is null when no merchant has the id.
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.merchant-change")]
public sealed record MerchantChange(Merchant? Merchant, bool Applied);
