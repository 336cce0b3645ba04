using Claims.Contracts.Redemptions;
using Claims.Contracts.Risk;

namespace Claims.Grains.Orders;

// The coupon's pool commits a redemption or refund and remembers it by merchant and order; this
// grain remembers the order's coupon, so a till's retry, or an attempt to put a second coupon on
// the order, is answered here. If it crashed between the pool's commit and its own write, it asks
// the pool again before deciding.
public sealed class OrderGrain(
    [PersistentState("order", StorageNames.Claims)] IPersistentState<OrderState> state,
    CampaignDirectory campaigns) : Grain, IOrderGrain
{
    public async Task<RedemptionOutcome> RedeemAsync(RedemptionRequest request)
    {
        var (merchantId, orderId) = GrainKeys.ParseOrder(this.GetPrimaryKeyString());
        if (state.State.Receipt is null && state.State.CouponId is { } pending && pending != request.CouponId)
        {
            // An earlier attempt with another coupon did not finish: did the pool take it?
            state.State.Receipt = await FindRedemptionAsync(pending, merchantId, orderId);
        }

        if (state.State.Receipt is { } receipt)
        {
            return receipt.CouponId == request.CouponId
                ? RedemptionOutcome.Redeemed(receipt)
                : RedemptionOutcome.Refused(RedemptionRefusal.OrderHasCoupon);
        }

        if (!CouponIds.TryParse(request.CouponId, out var coupon))
        {
            return RedemptionOutcome.Refused(RedemptionRefusal.CouponNotFound);
        }

        var (refusal, campaign, couponType) = await RefusalAsync(request, coupon, merchantId);
        if (refusal is not null)
        {
            return RedemptionOutcome.Refused(refusal.Value);
        }

        // A reviewed redemption takes its invoice number before the pool is asked, so two orders
        // presenting one invoice at once cannot both redeem.
        var reviews = couponType!.IsReviewed() ? GrainFactory.GetGrain<IReviewBookGrain>(coupon.CampaignId) : null;
        if (reviews is not null
            && !await reviews.SubmitAsync(new(merchantId, orderId, request.CouponId, request.UserId, request.OrderAmount, request.Documents!)))
        {
            return RedemptionOutcome.Refused(RedemptionRefusal.DuplicateInvoice);
        }

        state.State.CouponId = request.CouponId;
        await state.WriteStateAsync();
        var outcome = await GrainFactory.GetGrain<IPoolGrain>(coupon.PoolKey)
            .RedeemAsync(new(coupon.Sequence, request.UserId, merchantId, orderId, request.OrderAmount, request.RegionCode));
        state.State.Receipt = outcome.Receipt;
        if (outcome.Receipt is null)
        {
            state.State.CouponId = null;
            if (reviews is not null)
            {
                await reviews.WithdrawAsync(merchantId, orderId);
            }
        }

        await state.WriteStateAsync();
        if (outcome.Receipt is { } redeemed)
        {
            await GrainFactory.GetGrain<IRiskGrain>(merchantId)
                .ObserveAsync(new(coupon.CampaignId, request.UserId, orderId, request.OrderAmount, couponType.MinSpend, redeemed.RedeemedAt, campaign!.BusinessHours));
        }

        return outcome;
    }

    public async Task<RefundOutcome?> RefundAsync() =>
        await UndoAsync(async (pool, sequence, merchantId, orderId) =>
            await pool.RefundAsync(sequence, merchantId, orderId) is { } outcome ? (outcome.Receipt, outcome.ReversedBy) : null) is var (refund, reversal)
            ? new(refund, reversal)
            : null;

    public async Task<ReversalOutcome?> ReverseAsync() =>
        await UndoAsync(async (pool, sequence, merchantId, orderId) =>
            await pool.ReverseAsync(sequence, merchantId, orderId) is { } outcome ? (outcome.RefundedBy, outcome.Receipt) : null) is var (refund, reversal)
            ? new(reversal, refund)
            : null;

    // A refund or a reversal: whichever reached this order first stands, and answers both from
    // here. Null when this merchant has no redeemed order of this id.
    private async Task<(RefundReceipt? Refund, ReversalReceipt? Reversal)?> UndoAsync(
        Func<IPoolGrain, int, string, string, Task<(RefundReceipt?, ReversalReceipt?)?>> askPool)
    {
        if (state.State.Refund is not null || state.State.Reversal is not null)
        {
            return (state.State.Refund, state.State.Reversal);
        }

        var (merchantId, orderId) = GrainKeys.ParseOrder(this.GetPrimaryKeyString());
        if (await RedeemedCouponAsync(merchantId, orderId) is not { } coupon)
        {
            return null;
        }

        (state.State.Refund, state.State.Reversal) = await askPool(GrainFactory.GetGrain<IPoolGrain>(coupon.PoolKey), coupon.Sequence, merchantId, orderId)
            ?? throw new InvalidOperationException($"The pool {coupon.PoolKey} has no redemption of coupon {coupon.Sequence} by order {merchantId}/{orderId}.");
        await state.WriteStateAsync();
        return (state.State.Refund, state.State.Reversal);
    }

    // The coupon this order redeemed, asking its pool when a crash left the answer unrecorded.
    private async Task<CouponAddress?> RedeemedCouponAsync(string merchantId, string orderId)
    {
        if (state.State.Receipt is null && state.State.CouponId is { } pending)
        {
            state.State.Receipt = await FindRedemptionAsync(pending, merchantId, orderId);
        }

        return state.State.Receipt is { } receipt && CouponIds.TryParse(receipt.CouponId, out var coupon) ? coupon : null;
    }

    private ValueTask<RedemptionReceipt?> FindRedemptionAsync(string couponId, string merchantId, string orderId) =>
        CouponIds.TryParse(couponId, out var coupon)
            ? GrainFactory.GetGrain<IPoolGrain>(coupon.PoolKey).FindRedemptionAsync(coupon.Sequence, merchantId, orderId)
            : ValueTask.FromResult<RedemptionReceipt?>(null);

    // The checks that need the merchant or the campaign rather than the coupon itself, with the
    // campaign and coupon type they read. The merchant is asked on every request, so a suspension
    // stops its next redemption.
    private async Task<(RedemptionRefusal? Refusal, CampaignDefinition? Campaign, CouponTypeDefinition? CouponType)> RefusalAsync(RedemptionRequest request, CouponAddress coupon, string merchantId)
    {
        if (await campaigns.FindAsync(coupon.CampaignId) is not { } campaign
            || campaign.FindCouponType(coupon.CouponTypeId) is not { } couponType
            || campaign.Rounds.All(r => r.Id != coupon.RoundId)
            || (coupon.Shard is { } shard ? couponType.PoolShards == 1 || shard >= couponType.PoolShards : couponType.PoolShards != 1))
        {
            return (RedemptionRefusal.CouponNotFound, null, null);
        }

        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(merchantId).GetAsync();
        RedemptionRefusal? refusal = merchant switch
        {
            not { Status: MerchantStatus.Approved } => RedemptionRefusal.MerchantNotApproved,
            _ when !merchant.Serves(couponType.Industry) => RedemptionRefusal.WrongIndustry,
            _ when !merchant.Has(couponType.MerchantRequires) => RedemptionRefusal.MerchantNotEligible,
            _ when !campaign.AdmitsRegion(merchant.RegionCode) || !campaign.AdmitsRegion(request.RegionCode) => RedemptionRefusal.RegionNotEligible,
            _ when !couponType.IsReviewed() => null,
            _ when request.Documents is not { } documents || documents.Missing(couponType.ReviewDocuments!).Count > 0 => RedemptionRefusal.DocumentsRequired,
            _ when request.Documents.InvoiceAmount < request.OrderAmount => RedemptionRefusal.InvoiceBelowOrder,
            _ => null,
        };
        return (refusal, campaign, couponType);
    }
}
