using Claims.Contracts.Redemptions;

namespace Claims.Grains.Pools;

/// <summary>
/// How one pool's grants and changes read as coupons and receipts: the pool answers with them,
/// and a report reading the pool's journal from the ledger rebuilds the same ones.
/// </summary>
internal sealed class PoolCoupons(CampaignDefinition campaign, RoundDefinition round, CouponTypeDefinition couponType, int? shard)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(campaign.TimeZone ?? CampaignDefinition.DefaultTimeZone);

    public CouponTypeDefinition CouponType => couponType;

    public RoundDefinition Round => round;

    /// <summary>An instant as residents and merchants read it: in the campaign's time zone.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);

    public static PoolCoupons For(CampaignDefinition campaign, string poolKey)
    {
        var (_, roundId, couponTypeId, shard) = GrainKeys.ParsePool(poolKey);
        return new(
            campaign,
            campaign.Rounds.Single(r => r.Id == roundId),
            campaign.FindCouponType(couponTypeId) ?? throw new InvalidOperationException($"Pool {poolKey} names an unknown coupon type."),
            shard);
    }

    public string IdOf(int sequence) => CouponIds.Format(campaign.Id, round.Id, couponType.Id, shard, sequence);

    public Coupon Of(PoolGrant grant, CouponStatus status) => new(
        CouponId: IdOf(grant.Sequence),
        CampaignId: campaign.Id,
        RoundId: round.Id,
        Phase: round.PhaseKey,
        CouponTypeId: couponType.Id,
        Industry: couponType.Industry,
        FaceValue: couponType.FaceValue,
        MinSpend: couponType.MinSpend,
        MaxSpend: couponType.MaxSpend,
        OwnerId: grant.OwnerId,
        RequestKey: grant.RequestKey,
        ValidFrom: grant.ClaimedAt,
        ValidUntil: Local(round.Extended(grant.ValidUntil)),
        Status: status,
        ClaimRegion: grant.RegionCode,
        PersonId: grant.PersonId);

    public RedemptionReceipt ReceiptOf(CouponChange redemption) => new(
        IdOf(redemption.Sequence),
        redemption.MerchantId!,
        redemption.OrderId!,
        redemption.OrderAmount,
        redemption.Discount,
        redemption.OrderAmount - redemption.Discount,
        Local(redemption.At),
        couponType.IsReviewed() ? ReviewStatus.Pending : null,
        redemption.RegionCode,
        redemption.BalanceLeft);

    public static PoolReview ReviewOf(CouponChange review) => new(
        review.Kind == CouponChangeKind.Approved ? ReviewStatus.Approved : ReviewStatus.Rejected,
        review.At,
        review.Destination,
        review.TargetRoundId);

    public ReversalReceipt ReversalReceiptOf(CouponChange reversal) => new(
        IdOf(reversal.Sequence),
        reversal.MerchantId!,
        reversal.OrderId!,
        reversal.OrderAmount,
        reversal.Discount,
        reversal.Destination!.Value,
        reversal.TargetRoundId,
        Local(reversal.At));

    public RefundReceipt RefundReceiptOf(CouponChange refund) => new(
        IdOf(refund.Sequence),
        refund.OrderId!,
        refund.Discount,
        refund.Destination!.Value,
        refund.TargetRoundId,
        Local(refund.At));
}
