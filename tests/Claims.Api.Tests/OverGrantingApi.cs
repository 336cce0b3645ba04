using System.Collections.Concurrent;
using System.Text.Json;

namespace Claims.Api.Tests;

/// <summary>
/// A stand-in for the API that grants every claim, stock or no stock, and reports truthfully what
/// it did: the oversell the rehearsal's invariant check exists to catch.
/// </summary>
public sealed class OverGrantingApi(CampaignDefinition campaign) : HttpMessageHandler
{
    private readonly ConcurrentBag<(string Resident, string Type, string CouponId)> _grants = [];
    private int _next;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var subject = Subject(request);
        if (request.Method == HttpMethod.Post && path.EndsWith("/claims", StringComparison.Ordinal))
        {
            var body = await request.Content!.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var type = body.GetProperty("couponTypeId").GetString()!;
            var couponId = $"{campaign.Id}/p1/{type}/{Interlocked.Increment(ref _next)}";
            _grants.Add((subject, type, couponId));
            return Json(System.Net.HttpStatusCode.Created, new { couponId });
        }

        if (path.EndsWith("/me/coupons", StringComparison.Ordinal))
        {
            return Json(System.Net.HttpStatusCode.OK, _grants.Where(g => g.Resident == subject).Select(g => new
            {
                couponId = g.CouponId,
                campaignId = campaign.Id,
                roundId = "p1",
                couponTypeId = g.Type,
                industry = campaign.FindCouponType(g.Type)!.Industry,
            }));
        }

        if (path.EndsWith($"/admin/campaigns/{campaign.Id}", StringComparison.Ordinal))
        {
            var round = campaign.Rounds[0];
            return Json(System.Net.HttpStatusCode.OK, new
            {
                pools = round.Stock.Select(s => new { roundId = round.Id, couponTypeId = s.Key, granted = _grants.Count(g => g.Type == s.Key), capacity = s.Value }),
            });
        }

        return Json(System.Net.HttpStatusCode.Created, new { });
    }

    private static HttpResponseMessage Json(System.Net.HttpStatusCode status, object body) => new(status) { Content = JsonContent.Create(body) };

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
