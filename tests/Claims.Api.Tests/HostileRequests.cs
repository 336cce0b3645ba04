using System.Globalization;

namespace Claims.Api.Tests;

/// <summary>
/// Generates hostile requests against one campaign, two merchants and a redeemed order: every
/// kind the API must refuse, with the code it must refuse with. Claims come from a fresh resident
/// each, so that the per-resident rate limit never answers in place of the check under test.
/// </summary>
public sealed class HostileRequests(string campaignId, string merchantA, string merchantB, string otherResidentsCoupon, string merchantAsOrder, int seed)
{
    private const string ValidClaim = """{"couponTypeId":"market-10-50","regionCode":"410423"}""";

    private static readonly string[] WrongTypes =
        ["5", "true", "null", "[\"market-10-50\"]", "{\"id\":\"market-10-50\"}", "1e400", "-0"];

    private static readonly string[] AdminPaths =
        ["/admin/campaigns/{c}", "/admin/campaigns/{c}/report", "/admin/campaigns/{c}/settlement", "/admin/campaigns/{c}/reconciliation", "/admin/campaigns/{c}/audit-sample", "/admin/merchants/{a}", "/admin/alerts"];

    private static readonly string[] AdminPosts =
        ["/admin/campaigns/{c}/pause", "/admin/campaigns/{c}/resume", "/admin/merchants/{a}/suspend", "/admin/merchants/{a}/approve", "/admin/merchants/{a}/reinstate", "/admin/campaigns", "/admin/alerts/x/suspend"];

    private readonly Random _random = new(seed);
    private int _residents;

    public IEnumerable<HostileRequest> Take(int count)
    {
        Func<HostileRequest>[] kinds =
        [
            TruncatedJson, WrongTypedField, BadRegion, UnknownCampaign, MalformedCampaignId, UnknownCouponType, WrongMediaType,
            BadIdempotencyKey, ForgedToken, ExpiredToken, WrongAudience, NoToken, RoleEscalation, ForeignRole,
            NegativeMoney, ThreeDecimalMoney, HugeMoney, NotANumberMoney, OtherResidentsCoupon, OtherMerchantsOrder,
            UnknownCoupon, UnknownOrder, BadOrderId, MalformedCampaignDefinition,
        ];
        for (var i = 0; i < count; i++)
        {
            yield return kinds[i % kinds.Length]();
        }
    }

    /// <summary>A body past the size limit, sent far less often than the others: each costs 400 KiB.</summary>
    public HostileRequest Oversized() =>
        Claim("oversized", $$"""{"couponTypeId":"market-10-50","regionCode":"410423","pad":"{{new string('x', 300 * 1024 + _random.Next(1024))}}"}""", HttpStatusCode.RequestEntityTooLarge, "body_too_large");

    private string NewResident() => TestTokens.Resident(string.Create(CultureInfo.InvariantCulture, $"hostile-{Interlocked.Increment(ref _residents)}"));

    private HostileRequest Claim(string kind, string body, HttpStatusCode status, string code, string? campaign = null, string contentType = "application/json") =>
        new(kind, HttpMethod.Post, $"/campaigns/{campaign ?? campaignId}/claims", NewResident(), body, contentType, status, code);

    private HostileRequest TruncatedJson() =>
        Claim("truncated JSON", ValidClaim[.._random.Next(1, ValidClaim.Length - 1)], HttpStatusCode.BadRequest, "malformed_json");

    private HostileRequest WrongTypedField()
    {
        var value = WrongTypes[_random.Next(WrongTypes.Length)];
        var body = _random.Next(2) == 0
            ? $$"""{"couponTypeId":{{value}},"regionCode":"410423"}"""
            : $$"""{"couponTypeId":"market-10-50","regionCode":{{value}}}""";
        return value == "null"
            ? Claim("null field", body, HttpStatusCode.BadRequest, "invalid_request")
            : Claim("wrong type", body, HttpStatusCode.BadRequest, "malformed_json");
    }

    private HostileRequest BadRegion()
    {
        string[] regions = ["", "4", "41O423", "4104230000000", "410 423", "-410423", "４１０４２３"];
        return Claim("bad region", $$"""{"couponTypeId":"market-10-50","regionCode":"{{regions[_random.Next(regions.Length)]}}"}""", HttpStatusCode.BadRequest, "invalid_request");
    }

    private HostileRequest UnknownCampaign() =>
        Claim("unknown campaign", ValidClaim, HttpStatusCode.NotFound, "campaign_not_found", campaign: $"nowhere-{_random.Next(1_000_000)}");

    private HostileRequest MalformedCampaignId()
    {
        string[] ids = ["UPPER", "dot.ted", "a*b", new string('a', 65), "%20", "a%2Fb", "ü", "-lead"];
        return Claim("malformed campaign id", ValidClaim, HttpStatusCode.BadRequest, "invalid_id", campaign: ids[_random.Next(ids.Length)]);
    }

    private HostileRequest UnknownCouponType() =>
        Claim("unknown coupon type", $$"""{"couponTypeId":"gold-{{_random.Next(1000)}}","regionCode":"410423"}""", HttpStatusCode.NotFound, "coupon_type_not_found");

    private HostileRequest WrongMediaType()
    {
        string[] types = ["text/plain", "application/xml", "application/x-www-form-urlencoded"];
        return Claim("wrong media type", ValidClaim, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", contentType: types[_random.Next(types.Length)]);
    }

    private HostileRequest BadIdempotencyKey() => Claim("bad idempotency key", ValidClaim, HttpStatusCode.BadRequest, "invalid_idempotency_key") with
    {
        IdempotencyKey = _random.Next(2) == 0 ? new string('k', 129 + _random.Next(1000)) : "tap\u0001" + _random.Next(),
    };

    private HostileRequest ForgedToken() => Claim("forged token", ValidClaim, HttpStatusCode.Unauthorized, "invalid_token") with
    {
        Token = TestTokens.Mint("hostile", "operator", key: $"forger-{_random.Next()}-key-0123456789abcdef-0123456789"),
    };

    private HostileRequest ExpiredToken() => Claim("expired token", ValidClaim, HttpStatusCode.Unauthorized, "token_expired") with
    {
        Token = TestTokens.Mint("hostile", "resident", issuedAt: DateTime.UtcNow.AddHours(-2 - _random.Next(48)), lifetime: TimeSpan.FromHours(1)),
    };

    private HostileRequest WrongAudience() => Claim("wrong audience", ValidClaim, HttpStatusCode.Unauthorized, "invalid_token") with
    {
        Token = _random.Next(2) == 0 ? TestTokens.Mint("hostile", "resident", audience: "payments") : TestTokens.Mint("hostile", "resident", issuer: "someone"),
    };

    private HostileRequest NoToken() => _random.Next(2) == 0
        ? Claim("no token", ValidClaim, HttpStatusCode.Unauthorized, "unauthenticated") with { Token = null }
        : Claim("garbage token", ValidClaim, HttpStatusCode.Unauthorized, "invalid_token") with { Token = $"ey{_random.Next()}.garbage" };

    private HostileRequest RoleEscalation()
    {
        string[] roles = ["resident", "merchant", "admin", "Operator", "root"];
        var token = TestTokens.Mint($"climber-{_random.Next(100)}", roles[_random.Next(roles.Length)]);
        return _random.Next(2) == 0
            ? new("role escalation", HttpMethod.Get, Admin(AdminPaths), token, null, "application/json", HttpStatusCode.Forbidden, "forbidden")
            : new("role escalation", HttpMethod.Post, Admin(AdminPosts), token, "{}", "application/json", HttpStatusCode.Forbidden, "forbidden");
    }

    private HostileRequest ForeignRole() => _random.Next(2) == 0
        ? Claim("merchant claiming", ValidClaim, HttpStatusCode.Forbidden, "forbidden") with { Token = TestTokens.Merchant(merchantA) }
        : Redeem("resident redeeming", otherResidentsCoupon, "owner-2", $"r-{_random.Next()}", "60", HttpStatusCode.Forbidden, "forbidden") with { Token = NewResident() };

    private HostileRequest NegativeMoney() =>
        Redeem("negative money", otherResidentsCoupon, "owner-2", Order(), $"-{_random.Next(1, 100_000)}.{_random.Next(100):00}", HttpStatusCode.BadRequest, "invalid_request");

    private HostileRequest ThreeDecimalMoney() =>
        Redeem("three-decimal money", otherResidentsCoupon, "owner-2", Order(), $"{_random.Next(50, 10_000)}.{_random.Next(100):00}{_random.Next(1, 10)}", HttpStatusCode.BadRequest, "invalid_request");

    private HostileRequest HugeMoney()
    {
        string[] amounts = ["1e30", "99999999999999999999999999999", "1e400", "1000000000000.01"];
        var amount = amounts[_random.Next(amounts.Length)];
        return Redeem("huge money", otherResidentsCoupon, "owner-2", Order(), amount, HttpStatusCode.BadRequest, amount == "1000000000000.01" ? "invalid_request" : "malformed_json");
    }

    private HostileRequest NotANumberMoney()
    {
        string[] amounts = ["\"60\"", "\"NaN\"", "true", "[60]", "{}"];
        return Redeem("money of the wrong type", otherResidentsCoupon, "owner-2", Order(), amounts[_random.Next(amounts.Length)], HttpStatusCode.BadRequest, "malformed_json");
    }

    private HostileRequest OtherResidentsCoupon() =>
        Redeem("another resident's coupon", otherResidentsCoupon, $"thief-{_random.Next(1000)}", Order(), "60", HttpStatusCode.Conflict, "not_owner");

    private HostileRequest OtherMerchantsOrder() =>
        new("another merchant's order", HttpMethod.Post, $"/redemptions/{merchantAsOrder}/refund", TestTokens.Merchant(merchantB), null, "application/json", HttpStatusCode.NotFound, "order_not_found");

    private HostileRequest UnknownCoupon() => _random.Next(2) == 0
        ? Redeem("unknown coupon", $"{campaignId}.p1.market-10-50.{_random.Next(500, 1_000_000)}", "owner-2", Order(), "60", HttpStatusCode.NotFound, "coupon_not_found")
        : Redeem("coupon of a shard the pool does not have", $"{campaignId}.p1.market-10-50.{_random.Next(16)}.{_random.Next(1, 100)}", "owner-2", Order(), "60", HttpStatusCode.NotFound, "coupon_not_found");

    private HostileRequest UnknownOrder() =>
        new("unknown order", HttpMethod.Post, $"/redemptions/{Order()}/refund", TestTokens.Merchant(merchantA), null, "application/json", HttpStatusCode.NotFound, "order_not_found");

    private HostileRequest BadOrderId()
    {
        string[] ids = ["a b", new string('o', 200), "ö-order", "a%2Fb"];
        return new("bad order id", HttpMethod.Post, $"/redemptions/{ids[_random.Next(ids.Length)]}/refund", TestTokens.Merchant(merchantA), null, "application/json", HttpStatusCode.BadRequest, "invalid_id");
    }

    private HostileRequest MalformedCampaignDefinition()
    {
        string[] bodies =
        [
            """{"id":5}""",
            """{"id":"x","name":"x","regions":"410423","funds":[],"couponTypes":[],"rounds":[]}""",
            """{"id":"bad-money","name":"x","regions":["410423"],"funds":[{"id":"f","amount":-1}],"couponTypes":[],"rounds":[]}""",
            """{"id":"x","unknownField":true}""",
            "{\"id\":\"x\",",
        ];
        var body = bodies[_random.Next(bodies.Length)];
        var (status, code) = body.Contains("bad-money", StringComparison.Ordinal) ? (HttpStatusCode.BadRequest, "invalid_campaign") : (HttpStatusCode.BadRequest, "malformed_json");
        return new("malformed campaign", HttpMethod.Post, "/admin/campaigns", TestTokens.Operator(), body, "application/json", status, code);
    }

    private HostileRequest Redeem(string kind, string couponId, string userId, string orderId, string amount, HttpStatusCode status, string code) =>
        new(kind, HttpMethod.Post, "/redemptions", TestTokens.Merchant(merchantB), $$"""{"couponId":"{{couponId}}","userId":"{{userId}}","orderId":"{{orderId}}","orderAmount":{{amount}},"regionCode":"410423"}""", "application/json", status, code);

    private string Order() => string.Create(CultureInfo.InvariantCulture, $"hostile-{_random.Next(10_000_000)}");

    private string Admin(string[] paths) => paths[_random.Next(paths.Length)].Replace("{c}", campaignId, StringComparison.Ordinal).Replace("{a}", merchantA, StringComparison.Ordinal);
}
