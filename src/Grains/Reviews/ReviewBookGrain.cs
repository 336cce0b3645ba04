using Claims.Contracts.Redemptions;

namespace Claims.Grains.Reviews;

// One grain per campaign: only big-ticket types (cars, appliances) are reviewed, their
// redemptions come at the pace of purchases, not of the rush, and an invoice number must be
// checked against every other order of the campaign in one place.
public sealed class ReviewBookGrain(
    [PersistentState("review-book", StorageNames.Claims)] IPersistentState<ReviewBookState> state,
    TimeProvider time) : Grain, IReviewBookGrain
{
    public async Task<bool> SubmitAsync(ReviewSubmission submission)
    {
        var key = Key(submission.MerchantId, submission.OrderId);
        var invoice = Normalised(submission.Documents.InvoiceNumber!);
        if (state.State.Invoices.TryGetValue(invoice, out var holder))
        {
            return holder == key;
        }

        state.State.Invoices[invoice] = key;
        state.State.Reviews[key] = new(
            submission.MerchantId, submission.OrderId, submission.CouponId, submission.UserId, submission.OrderAmount, submission.Documents, time.GetUtcNow(), ReviewStatus.Pending);
        await state.WriteStateAsync();
        return true;
    }

    public async Task WithdrawAsync(string merchantId, string orderId)
    {
        var key = Key(merchantId, orderId);
        if (state.State.Reviews.TryGetValue(key, out var review) && review.Status == ReviewStatus.Pending)
        {
            state.State.Reviews.Remove(key);
            state.State.Invoices.Remove(Normalised(review.Documents.InvoiceNumber!));
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<RedemptionReview>> ListAsync(ReviewStatus? status) =>
        Task.FromResult<IReadOnlyList<RedemptionReview>>(
            [.. state.State.Reviews.Values.Where(r => status is null || r.Status == status).OrderBy(r => r.SubmittedAt).ThenBy(r => r.MerchantId, StringComparer.Ordinal).ThenBy(r => r.OrderId, StringComparer.Ordinal)]);

    public async Task<RedemptionReview?> DecideAsync(ReviewDecision decision)
    {
        var key = Key(decision.MerchantId, decision.OrderId);
        if (!state.State.Reviews.TryGetValue(key, out var review))
        {
            return null;
        }

        if (review.Status != ReviewStatus.Pending || !CouponIds.TryParse(review.CouponId, out var coupon))
        {
            return review;
        }

        // The pool decides; this book records what it decided, which is the first decision even
        // when a crash lost this book's record of it and the operator has since changed their mind.
        if (await GrainFactory.GetGrain<IPoolGrain>(coupon.PoolKey).ReviewAsync(coupon.Sequence, decision.MerchantId, decision.OrderId, decision.Approve) is not { } decided)
        {
            return review;
        }

        review = state.State.Reviews[key] = review with
        {
            Status = decided.Status,
            DecidedAt = decided.At,
            DecidedBy = decision.By,
            Reason = decision.Reason,
            ReturnedTo = decided.ReturnedTo,
            RoundId = decided.RoundId,
        };
        await state.WriteStateAsync();
        return review;
    }

    private static string Key(string merchantId, string orderId) => $"{merchantId}/{orderId}";

    // Invoice numbers are read off paper: case and surrounding spaces are not part of them.
    private static string Normalised(string invoiceNumber) => invoiceNumber.Trim().ToUpperInvariant();
}
