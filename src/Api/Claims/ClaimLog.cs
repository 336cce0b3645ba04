namespace Claims.Api.Claims;

/// <summary>
/// The API's log lines for refused claims, one per class of refusal, each at the level its volume
/// and meaning call for: a rush refuses most of a crowd as sold out (Debug), a resident over the
/// rate limit may be a bot (Information), and shed load is an operator's concern (Warning, in
/// the exception handler).
/// </summary>
internal static partial class ClaimLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Claim by {UserId} refused: over the rate limit for {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string userId, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claim of {CouponTypeId} in {CampaignId} refused at the node: the stock board says sold out")]
    public static partial void SoldOutOnTheBoard(ILogger logger, string campaignId, string couponTypeId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claim of {CouponTypeId} in {CampaignId} by {UserId} refused: {Code}")]
    public static partial void Refused(ILogger logger, string campaignId, string couponTypeId, string userId, string code);
}
