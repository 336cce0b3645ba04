namespace Claims.Contracts.Redemptions;

/// <summary>
/// A campaign's reviews of big-ticket redemptions, keyed by the campaign id: the invoice numbers
/// presented (each taken by one order only), the documents, and the operators' decisions. The
/// coupon's pool is where a decision commits; this grain keeps the queue operators work through.
/// </summary>
public interface IReviewBookGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes the order's invoice number and files its review as pending, before the pool is asked;
    /// answering the same for the same order again. False when another order holds the invoice.
    /// </summary>
    Task<bool> SubmitAsync(ReviewSubmission submission);

    /// <summary>Drops a pending review whose redemption the pool refused, freeing its invoice number.</summary>
    Task WithdrawAsync(string merchantId, string orderId);

    /// <summary>The reviews, oldest first, in <paramref name="status"/> when given.</summary>
    Task<IReadOnlyList<RedemptionReview>> ListAsync(ReviewStatus? status);

    /// <summary>
    /// Approves or rejects a pending review through the coupon's pool. The first decision stands:
    /// asked again, the review answers as decided. A review whose order was refunded or reversed
    /// comes back withdrawn; one whose redemption has not reached its pool comes back pending,
    /// unchanged. Null when the campaign has no review of this order.
    /// </summary>
    Task<RedemptionReview?> DecideAsync(ReviewDecision decision);
}
