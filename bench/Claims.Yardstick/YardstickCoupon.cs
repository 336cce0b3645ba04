namespace Claims.Yardstick;

/// <summary>What the yardstick answers a winner: a coupon id and nothing behind it.</summary>
public sealed record YardstickCoupon(string CouponId, string CouponTypeId, string OwnerId);
