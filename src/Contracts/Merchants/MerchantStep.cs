namespace Claims.Contracts.Merchants;

/// <summary>One step of a merchant's record: the status it reached (or, with <see cref="Released"/>, its held money released), when, and who took it.</summary>
[GenerateSerializer, Immutable, Alias("claims.merchant-step")]
public sealed record MerchantStep(MerchantStatus Status, DateTimeOffset At, string? By, bool Released = false);
