namespace Claims.Api.Problems;

/// <summary>The machine-readable <c>code</c> values of problem details that are not claim refusals.</summary>
public static class ProblemCodes
{
    /// <summary>HttpContext item through which authentication tells the problem writer why it refused.</summary>
    public const string ItemKey = "claims.problem-code";

    public const string InvalidRequest = "invalid_request";
    public const string MalformedJson = "malformed_json";
    public const string BodyTooLarge = "body_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string InvalidId = "invalid_id";
    public const string InvalidIdempotencyKey = "invalid_idempotency_key";
    public const string InvalidCampaign = "invalid_campaign";
    public const string CampaignExists = "campaign_exists";
    public const string CampaignNotFound = "campaign_not_found";
    public const string CouponTypeNotFound = "coupon_type_not_found";
    public const string NotFound = "not_found";
    public const string MerchantNotFound = "merchant_not_found";
    public const string MerchantExists = "merchant_exists";
    public const string InvalidTransition = "invalid_transition";
    public const string CouponNotFound = "coupon_not_found";
    public const string OrderNotFound = "order_not_found";
    public const string OrderReversed = "order_reversed";
    public const string OrderRefunded = "order_refunded";
    public const string OrderRejected = "order_rejected";
    public const string ReviewNotFound = "review_not_found";
    public const string ReviewDecided = "review_decided";
    public const string NotRedeemedYet = "not_redeemed_yet";
    public const string ReasonRequired = "reason_required";
    public const string MerchantBanned = "merchant_banned";
    public const string NothingHeld = "nothing_held";
    public const string AlertNotFound = "alert_not_found";
    public const string NotListOnly = "not_list_only";
    public const string RoundNotFound = "round_not_found";
    public const string MemberListNotFound = "member_list_not_found";
    public const string DrawNotFound = "draw_not_found";
    public const string DrawNotDue = "draw_not_due";
    public const string UploadNotFound = "upload_not_found";
    public const string UploadSuperseded = "upload_superseded";
    public const string ChunksMismatch = "chunks_mismatch";
    public const string ValidityNotExtended = "validity_not_extended";
    public const string RoundClosed = "round_closed";
    public const string RoundOpened = "round_opened";
    public const string CouponTypeNotInRound = "coupon_type_not_in_round";
    public const string UnbalancedStock = "unbalanced_stock";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Unauthenticated = "unauthenticated";
    public const string InvalidToken = "invalid_token";
    public const string TokenExpired = "token_expired";
    public const string Forbidden = "forbidden";
    public const string PersonIdRequired = "person_id_required";
    public const string Unavailable = "unavailable";
    public const string RateLimited = "rate_limited";
    public const string InternalError = "internal_error";

    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => InvalidRequest,
        StatusCodes.Status401Unauthorized => Unauthenticated,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => BodyTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => RateLimited,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        >= 500 => InternalError,
        _ => InvalidRequest,
    };
}
