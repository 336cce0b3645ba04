using System.Text.Json;
using Claims.Contracts.Claims;

namespace Claims.Api.Tests.Histories;

/// <summary>
/// A stand-in for the API that serves the first round of <paramref name="campaign"/> as Claims
/// would (idempotent claims, the stock, one coupon per resident and industry) except for the
/// <paramref name="fault"/> planted in it, and reports its state as the API does: what the checks
/// that read the API exist to catch.
/// </summary>
public sealed class PlantedFaultApi(CampaignDefinition campaign, PlantedFault fault) : HttpMessageHandler
{
    private readonly List<(string Resident, string Type, string CouponId)> _stored = [];
    private readonly Dictionary<(string Resident, string Key), string> _answered = [];
    private int _grants;

    private RoundDefinition Round => campaign.Rounds[0];

    /// <summary>The coupons granted in this stand-in's ledger, one entry per grant stored.</summary>
    public IReadOnlyList<string> Ledger
    {
        get
        {
            lock (_stored)
            {
                return [.. _stored.Select(s => s.CouponId)];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var subject = Subject(request);
        if (request.Method == HttpMethod.Post && path.EndsWith("/claims", StringComparison.Ordinal))
        {
            var body = await request.Content!.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var key = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : Guid.NewGuid().ToString();
            lock (_stored)
            {
                return Claim(subject, key, body.GetProperty("couponTypeId").GetString()!);
            }
        }

        lock (_stored)
        {
            return path switch
            {
                _ when path.EndsWith("/me/coupons", StringComparison.Ordinal) => Json(HttpStatusCode.OK, _stored.Where(g => g.Resident == subject).Select(g => new
                {
                    couponId = g.CouponId,
                    campaignId = campaign.Id,
                    roundId = Round.Id,
                    couponTypeId = g.Type,
                    industry = campaign.FindCouponType(g.Type)!.Industry,
                })),
                _ when path.EndsWith($"/admin/campaigns/{campaign.Id}", StringComparison.Ordinal) => Json(HttpStatusCode.OK, new
                {
                    pools = Round.Stock.Select(s => new { roundId = Round.Id, couponTypeId = s.Key, stock = s.Value, granted = _stored.Count(g => g.Type == s.Key), capacity = s.Value }),
                }),
                _ when path.EndsWith("/settlement", StringComparison.Ordinal) => Json(HttpStatusCode.OK, new
                {
                    campaignId = campaign.Id,
                    funds = campaign.Funds.Select(f => new { fund = f.Id, budget = f.Amount, paid = 0m, leftover = f.Amount }),
                    merchants = Array.Empty<object>(),
                }),
                _ when path.EndsWith("/reconciliation", StringComparison.Ordinal) => Json(HttpStatusCode.OK, new { campaignId = campaign.Id, @checked = 0, differences = Array.Empty<object>() }),
                _ => Json(HttpStatusCode.Created, new { }),
            };
        }
    }

    private HttpResponseMessage Claim(string resident, string key, string type)
    {
        if (_answered.TryGetValue((resident, key), out var replayed))
        {
            return Json(HttpStatusCode.Created, new { couponId = replayed });
        }

        var industry = campaign.FindCouponType(type)!.Industry;
        if (_stored.Any(g => g.Resident == resident && campaign.FindCouponType(g.Type)!.Industry == industry))
        {
            return Json(HttpStatusCode.Conflict, new { code = "limit_reached" });
        }

        if (fault != PlantedFault.GrantsPastStock && _stored.Count(g => g.Type == type) >= Round.Stock[type])
        {
            return Json(HttpStatusCode.Conflict, new { code = "sold_out" });
        }

        var grant = ++_grants;
        var couponId = fault == PlantedFault.GrantsOneCouponTwice && grant == 2 ? _stored[0].CouponId : CouponIds.Format(campaign.Id, Round.Id, type, null, grant);
        if (fault != PlantedFault.LosesAGrant || grant != 2)
        {
            _stored.Add((resident, type, couponId));
        }

        _answered[(resident, key)] = couponId;
        return Json(HttpStatusCode.Created, new { couponId });
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object body) => new(status) { Content = JsonContent.Create(body) };

    private static string Subject(HttpRequestMessage request)
    {
        var token = request.Headers.Authorization?.Parameter;
        if (token is null)
        {
            return "";
        }

        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '='));
        return JsonDocument.Parse(json).RootElement.GetProperty("sub").GetString()!;
    }
}
