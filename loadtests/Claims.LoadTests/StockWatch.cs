using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Claims.Contracts.Campaigns;

namespace Claims.LoadTests;

/// <summary>
/// Each pool's remaining stock over the run, read once a second from the admin API
/// (<c>GET /admin/campaigns/{id}</c>) with an operator token, stamped when the answer came.
/// </summary>
public sealed class StockWatch(HttpClient http, CampaignDefinition campaign, ResidentTokens tokens, Func<TimeSpan> clock)
{
    // A reading that takes longer than this is of a moment already past; the next one is due anyway.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly List<StockSample> _samples = [new(0, Rehearsal.Targets(campaign).ToDictionary(t => t.Id, t => Rehearsal.FirstRound(campaign).Stock[t.Id], StringComparer.Ordinal))];

    public IReadOnlyList<StockSample> Samples => _samples;

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"admin/campaigns/{campaign.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint("rehearsal-operator", "operator"));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return;
            }

            var view = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            var round = Rehearsal.FirstRound(campaign).Id;
            var remaining = view.GetProperty("pools").EnumerateArray()
                .Where(p => p.GetProperty("roundId").GetString() == round && _samples[0].Remaining.ContainsKey(p.GetProperty("couponTypeId").GetString()!))
                .ToDictionary(p => p.GetProperty("couponTypeId").GetString()!, p => p.GetProperty("capacity").GetInt32() - p.GetProperty("granted").GetInt32(), StringComparer.Ordinal);
            _samples.Add(new(clock().TotalSeconds, remaining));
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A reading missed under load leaves a gap in the chart, not a failed rehearsal.
        }
    }
}
