namespace Claims.Api.Claims;

public sealed record CouponView(
    string CouponId,
    string CampaignId,
    string RoundId,
    string CouponTypeId,
    string Industry,
    decimal FaceValue,
    decimal MinSpend,
    decimal? MaxSpend,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    CouponStatus Status,
    decimal? Balance)
{
    public static CouponView From(Coupon coupon) => new(
        coupon.CouponId,
        coupon.CampaignId,
        coupon.RoundId,
        coupon.CouponTypeId,
        coupon.Industry,
        coupon.FaceValue,
        coupon.MinSpend,
        coupon.MaxSpend,
        coupon.ValidFrom,
        coupon.ValidUntil,
        coupon.Status,
        coupon.Balance);
}
