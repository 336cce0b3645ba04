namespace Claims.Contracts.Merchants;

/// <summary>
/// A merchant, keyed by its id. Every redemption asks it for the merchant's status, so a
/// suspension takes effect on the merchant's next request whichever node serves it. Each change
/// names who made it (<c>by</c>: the operator's or the merchant's id) in the merchant's steps, and
/// is filed in the register (<see cref="IMerchantRegisterGrain"/>).
/// </summary>
public interface IMerchantGrain : IGrainWithStringKey
{
    /// <summary>Registers the merchant as pending; the same registration again is a retry, a different one is refused.</summary>
    Task<MerchantChange> RegisterAsync(MerchantRegistration registration, string? by = null);

    /// <summary>The merchant, or null when none has this id.</summary>
    [AlwaysInterleave]
    Task<Merchant?> GetAsync();

    /// <summary>Pending → approved (approved stays approved).</summary>
    Task<MerchantChange> ApproveAsync(string? by = null);

    /// <summary>Approved → suspended (suspended stays suspended); holds the merchant's unsettled money.</summary>
    Task<MerchantChange> SuspendAsync(string? by = null);

    /// <summary>Suspended → approved (approved stays approved). Held money stays held until released.</summary>
    Task<MerchantChange> ReinstateAsync(string? by = null);

    /// <summary>Any status → banned, for good; holds the merchant's unsettled money.</summary>
    Task<MerchantChange> BanAsync(string? by = null);

    /// <summary>Releases the merchant's held money to the settlement; refused when nothing is held.</summary>
    Task<MerchantChange> ReleaseAsync(string? by = null);
}
