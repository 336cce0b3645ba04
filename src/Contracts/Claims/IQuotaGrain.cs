namespace Claims.Contracts.Claims;

/// <summary>
/// One resident's claims in one campaign and scope (an industry, or <c>*</c> when a limit counts
/// across industries), key from <see cref="GrainKeys.Quota"/>. It enforces the campaign's limits and
/// asks the pool for stock; it keeps no state of its own on disk, rebuilding the resident's coupons
/// from the pools when it activates.
/// </summary>
public interface IQuotaGrain : IGrainWithStringKey
{
    /// <summary>Claims a coupon, or returns the coupon an earlier claim with the same request key obtained.</summary>
    Task<ClaimOutcome> ClaimAsync(ClaimRequest request);

    /// <summary>The resident's coupons in this campaign and scope.</summary>
    Task<IReadOnlyList<Coupon>> GetCouponsAsync();
}
