using Claims.Api.Claims;
using Claims.Api.Problems;
using Claims.Api.Redemptions;
using Claims.Contracts.Redemptions;

namespace Claims.Api.Docs;

/// <summary>Every <c>code</c> a problem answer can carry, with what it means: the API description lists them all.</summary>
public static class ProblemCatalog
{
    private static readonly (string Code, int Status, string Meaning)[] General =
    [
        (ProblemCodes.InvalidRequest, 400, "A field is missing or malformed; `errors` names each."),
        (ProblemCodes.MalformedJson, 400, "The body is not JSON, or a field has the wrong JSON type (numbers only as numbers)."),
        (ProblemCodes.BodyTooLarge, 413, "The body is over 256 KB (16 MB for a member list's CSV chunk)."),
        (ProblemCodes.UnsupportedMediaType, 415, "The body is not `application/json`."),
        (ProblemCodes.InvalidId, 400, "An id in the path is malformed."),
        (ProblemCodes.InvalidIdempotencyKey, 400, "`Idempotency-Key` is over 128 characters or has control characters."),
        (ProblemCodes.InvalidCampaign, 400, "The campaign definition breaks rules; `violations` lists every one with its path and code."),
        (ProblemCodes.CampaignExists, 409, "Another definition already has this campaign id."),
        (ProblemCodes.CampaignNotFound, 404, "No such campaign."),
        (ProblemCodes.CouponTypeNotFound, 404, "The campaign has no such coupon type."),
        (ProblemCodes.NotFound, 404, "No such endpoint."),
        (ProblemCodes.MerchantNotFound, 404, "No such merchant."),
        (ProblemCodes.MerchantExists, 409, "A different merchant already has this id."),
        (ProblemCodes.InvalidTransition, 409, "The merchant's status does not allow this step."),
        (ProblemCodes.CouponNotFound, 404, "No such coupon."),
        (ProblemCodes.OrderNotFound, 404, "This merchant has no redeemed order with this id."),
        (ProblemCodes.OrderReversed, 409, "An operator reversed this order's redemption as fraudulent: there is nothing to refund."),
        (ProblemCodes.OrderRefunded, 409, "This order was refunded: there is no redemption left to reverse."),
        (ProblemCodes.OrderRejected, 409, "This order's redemption was rejected in review: there is nothing to refund or reverse."),
        (ProblemCodes.ReviewNotFound, 404, "The campaign has no review of this merchant's order."),
        (ProblemCodes.ReviewDecided, 409, "The review was decided the other way, or withdrawn because the order was refunded or reversed first."),
        (ProblemCodes.NotRedeemedYet, 409, "The order's redemption has not reached its coupon's pool yet."),
        (ProblemCodes.ReasonRequired, 400, "A rejection needs a reason: 1-500 printable characters."),
        (ProblemCodes.MerchantBanned, 409, "The merchant is banned for good and can never be reinstated."),
        (ProblemCodes.NothingHeld, 409, "No money of this merchant is held."),
        (ProblemCodes.AlertNotFound, 404, "No risk alert with this id."),
        (ProblemCodes.PersonIdRequired, 403, "The campaign's limits count persons, and the resident's token carries no verified person id (`pid`)."),
        (ProblemCodes.DrawNotFound, 404, "The campaign has no draw round with this id."),
        (ProblemCodes.DrawNotDue, 409, "The draw runs when its round opens; registration is open until then."),
        (ProblemCodes.MemberListNotFound, 404, "No coupon type of the campaign is claimed from this member list."),
        (ProblemCodes.UploadNotFound, 404, "The member list has no such open upload: it was never started, or was committed or replaced."),
        (ProblemCodes.UploadSuperseded, 409, "A later upload of the member list is committed: this one would bring back an older list."),
        (ProblemCodes.ChunksMismatch, 409, "The upload was not received as exactly the chunks 0 to `chunks` − 1; `missing` lists those not received."),
        (ProblemCodes.NotListOnly, 409, "The coupon type is claimed, not granted to a list."),
        (ProblemCodes.RoundNotFound, 404, "The campaign has no such round."),
        (ProblemCodes.RoundClosed, 409, "The round has closed: where its leftover went is settled."),
        (ProblemCodes.ValidityNotExtended, 409, "The new validity lengthens no coupon: it ends before now or before the round's first coupon lapses."),
        (ProblemCodes.RoundOpened, 409, "The round has opened: its stock no longer moves."),
        (ProblemCodes.CouponTypeNotInRound, 409, "The round has no stock of this coupon type."),
        (ProblemCodes.UnbalancedStock, 409, "The new stock changes the round's value; `valueBefore` and `valueAfter` say by how much."),
        (ProblemCodes.MethodNotAllowed, 405, "The endpoint does not take this method."),
        (ProblemCodes.Unauthenticated, 401, "No bearer token (or operator cookie)."),
        (ProblemCodes.InvalidToken, 401, "The token is forged, malformed, or for another issuer or audience."),
        (ProblemCodes.TokenExpired, 401, "The token has expired."),
        (ProblemCodes.Forbidden, 403, "The token's role does not own this endpoint."),
        (ProblemCodes.Unavailable, 503, "The cluster is overloaded or a store failed; retry after `Retry-After` with the same `Idempotency-Key`."),
        (ProblemCodes.RateLimited, 429, "Too many claims from this resident or address; retry after `Retry-After`."),
        (ProblemCodes.InternalError, 500, "A fault of the server; the answer says nothing more."),
    ];

    public static IReadOnlyList<(string Code, int Status, string Meaning)> All { get; } =
    [
        .. General,
        .. Enum.GetValues<ClaimRefusal>().Select(r => (ClaimRefusalCodes.Code(r), r == ClaimRefusal.Superseded ? 503 : 409, ClaimRefusalCodes.Detail(r))),
        .. Enum.GetValues<RedemptionRefusal>().Select(r => (RedemptionRefusalCodes.Code(r), RedemptionRefusalCodes.Status(r), RedemptionRefusalCodes.Detail(r))),
    ];

    /// <summary>The codes as a Markdown table, for the description of the API document.</summary>
    public static string Markdown() =>
        "| code | status | meaning |\n|---|---|---|\n"
        + string.Concat(All.DistinctBy(c => c.Code).OrderBy(c => c.Status).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => $"| `{c.Code}` | {c.Status} | {c.Meaning} |\n"));
}
