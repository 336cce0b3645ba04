namespace Claims.LoadTests;

/// <summary>What a check needs of a coupon in a resident's wallet (<c>GET /me/coupons</c>).</summary>
public sealed record WalletCoupon(string CouponId, string CampaignId, string RoundId, string CouponTypeId, string Industry);
