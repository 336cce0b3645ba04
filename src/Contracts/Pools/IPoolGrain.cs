using Claims.Contracts.Claims;
using Claims.Contracts.Draws;
using Claims.Contracts.Redemptions;

namespace Claims.Contracts.Pools;

/// <summary>
/// The stock of one coupon type in one round (or one shard of it, see <see cref="PoolShards"/>), and every
/// coupon it granted through its whole life. Grants and changes are durable before they are
/// answered and recorded with their owner and request key (or order), so callers can always
/// recover them and a retry gets the first answer.
/// </summary>
public interface IPoolGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes one coupon per request (or returns the one a request already obtained), answering in
    /// the order asked, once every grant in the batch is in the pool's journal. Quota grains send their
    /// residents' requests in batches, so a rush costs a few calls per pool instead of one a claim.
    /// </summary>
    ValueTask<IReadOnlyList<ClaimOutcome>> GrantAsync(IReadOnlyList<PoolGrantRequest> requests);

    /// <summary>
    /// Of a draw round's pool: registers each resident for the draw (or returns their earlier
    /// registration) while registration is open, once every registration is in the journal.
    /// </summary>
    ValueTask<IReadOnlyList<RegistrationOutcome>> RegisterAsync(IReadOnlyList<PoolGrantRequest> requests);

    /// <summary>Of a draw round's pool: every registration, in the order taken.</summary>
    ValueTask<IReadOnlyList<Registration>> GetRegistrationsAsync();

    /// <summary>Of a draw round's pool: the resident's registration, if any.</summary>
    [AlwaysInterleave]
    ValueTask<Registration?> FindRegistrationAsync(string userId);

    /// <summary>Grants a list-only coupon to each resident named who has none from this pool yet, while stock lasts.</summary>
    ValueTask<IReadOnlyList<ListGrantResult>> GrantListedAsync(IReadOnlyList<string> userIds);

    /// <summary>The list-only coupon granted to <paramref name="userId"/> from this pool, if any.</summary>
    ValueTask<Coupon?> FindListedAsync(string userId);

    /// <summary>
    /// The coupons of every resident of the quota slots <paramref name="slots"/> (see
    /// <see cref="QuotaShards"/>) from this pool. <paramref name="fence"/> identifies the calling
    /// quota activation: from now on the pool refuses grants for those slots sent by any older one.
    /// </summary>
    Task<IReadOnlyList<Coupon>> SyncSlotsAsync(IReadOnlyList<int> slots, Guid fence);

    /// <summary>
    /// The resident's coupons from this pool, with their current status; <paramref name="personId"/>
    /// is the person behind the account in a campaign whose limits count persons, else null.
    /// </summary>
    [AlwaysInterleave]
    ValueTask<IReadOnlyList<Coupon>> GetOwnedAsync(string userId, string? personId);

    /// <summary>Counts: stock, rolled in, granted, redeemed, expired, passed on.</summary>
    [AlwaysInterleave]
    ValueTask<PoolStock> GetStockAsync();

    /// <summary>Sets whether the campaign is paused; pushed by the campaign grain.</summary>
    Task SetPausedAsync(bool paused);

    /// <summary>
    /// Reads the campaign again after an operator revised it: the rounds this pool passes stock
    /// to, and, while its own round has not opened and nothing is granted, the round itself.
    /// </summary>
    Task ReviseAsync();

    /// <summary>Replaces the round's stock of this type (a shard keeps its part); false once the round has opened or granted anything.</summary>
    Task<bool> SetStockAsync(int stock);

    /// <summary>
    /// Uses a coupon for an order (the merchant and regions already checked by the order grain),
    /// or answers as before when the same merchant's order already used it.
    /// </summary>
    ValueTask<RedemptionOutcome> RedeemAsync(PoolRedemption redemption);

    /// <summary>The receipt of the merchant's order that used coupon <paramref name="sequence"/>, if it did.</summary>
    ValueTask<RedemptionReceipt?> FindRedemptionAsync(int sequence, string merchantId, string orderId);

    /// <summary>
    /// Refunds the merchant's order that used coupon <paramref name="sequence"/> under the
    /// campaign's refund policy, or answers as before; null when that order did not use it. An
    /// order already reversed is not refunded: the answer names the reversal; one rejected in
    /// review answers with neither.
    /// </summary>
    ValueTask<RefundOutcome?> RefundAsync(int sequence, string merchantId, string orderId);

    /// <summary>
    /// Reverses the merchant's order that used coupon <paramref name="sequence"/> as fraudulent:
    /// the coupon is void and its value goes where a refund's would (never back to the owner), or
    /// answers as before; null when that order did not use it. An order already refunded is not
    /// reversed: the answer names the refund; one rejected in review answers with neither.
    /// </summary>
    ValueTask<ReversalOutcome?> ReverseAsync(int sequence, string merchantId, string orderId);

    /// <summary>
    /// Approves or rejects the review of the merchant's order that used coupon
    /// <paramref name="sequence"/>; a rejection gives the coupon back to its owner while valid,
    /// else passes its value on as a refund does. The first decision stands and is answered again.
    /// Withdrawn when the order was refunded or reversed before the review; null when that order did
    /// not use the coupon.
    /// </summary>
    ValueTask<PoolReview?> ReviewAsync(int sequence, string merchantId, string orderId, bool approve);

    /// <summary>
    /// Expires the coupons past their validity and, once the round is over, closes it; passes
    /// what left this pool on to later rounds. Called by the campaign's reminder; true once
    /// every later round has confirmed what this pool passed it.
    /// </summary>
    Task<bool> TickAsync();

    /// <summary>Takes in coupons from an earlier round's pool: <paramref name="total"/> is everything that pool has passed here so far.</summary>
    Task ReceiveAsync(string fromPoolKey, int total);

    /// <summary>
    /// Lends sibling shard <paramref name="borrower"/> up to <paramref name="wanted"/> coupons of
    /// this shard's stock while the round is open, and answers everything lent it so far, once
    /// stored. Zero wanted only asks the total.
    /// </summary>
    Task<int> LendAsync(int borrower, int wanted);
}
