namespace Claims.Contracts.Merchants;

/// <summary>
/// The register of merchants (a single grain, key <see cref="Key"/>): each merchant as its own
/// grain last reported it, so operators can list, filter and export them. Each merchant grain
/// reports after every change it stores, and again when a change is retried.
/// </summary>
public interface IMerchantRegisterGrain : IGrainWithStringKey
{
    public const string Key = "merchants";

    /// <summary>Files the merchant as it is now.</summary>
    Task FileAsync(Merchant merchant);

    /// <summary>Every merchant, by id.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Merchant>> ListAsync();
}
