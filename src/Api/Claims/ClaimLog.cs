namespace Claims.Api.Claims;

/// <summary>
/// The API's log lines for refused claims, one per class of refusal, each at the level its volume
/// and meaning call for: a rush refuses most of a crowd as sold out (Debug), a resident over the
/// rate limit may be a bot (Information), and shed load is an operator's concern (Warning, in
/// the exception handler).
/// </summary>
public sealed partial class ClaimLog(ILogger<ClaimLog> logger)
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Claim by {UserId} refused: over the rate limit for {RetryAfter}")]
    public partial void RateLimited(string userId, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claim of {CouponTypeId} in {CampaignId} refused at the node: the stock board says sold out")]
    public partial void SoldOutOnTheBoard(string campaignId, string couponTypeId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claim of {CouponTypeId} in {CampaignId} by {UserId} refused: {Code}")]
    public partial void Refused(string campaignId, string couponTypeId, string userId, string code);
}
