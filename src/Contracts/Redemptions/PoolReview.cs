namespace Claims.Contracts.Redemptions;

/// <summary>
/// A pool's record of a review decision: approved or rejected, when, and for a rejection where the
/// coupon went (back to its owner while valid, else as a refund's value goes).
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.pool-review")]
public sealed record PoolReview(ReviewStatus Status, DateTimeOffset At, RefundDestination? ReturnedTo, string? RoundId);
