using System.Net.Http.Json;
using Claims.Contracts.Campaigns;

namespace Claims.LoadTests;

/// <summary>
/// The campaign a rehearsal runs on: the file's, under an id of the run (<c>{id}-{prefix}</c>),
/// its first round moved to open when the crowd starts, so every rehearsal meets a fresh one. The
/// first part creates it with an operator token; the other parts, started with the same file,
/// prefix and opening, derive the same campaign and wait until it exists.
/// </summary>
public static class CampaignSetup
{
    // How long after the opening the other parts go on waiting for the first to create the campaign.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    /// <summary>The campaign, created or found; none when it could not be (the reason written to <paramref name="error"/>).</summary>
    public static async Task<CampaignDefinition?> PrepareAsync(HttpClient http, RehearsalOptions options, ResidentTokens tokens, TextWriter error, CancellationToken cancellationToken)
    {
        var definition = CampaignJson.Parse(await File.ReadAllTextAsync(options.CampaignFile, cancellationToken));
        var opening = options.StartAt ?? DateTimeOffset.UtcNow;
        var campaign = definition.ShiftSchedule(opening - definition.Rounds.Min(r => r.OpensAt)) with { Id = $"{definition.Id}-{options.Prefix}" };
        if (options.RegistrationWindow is { } window)
        {
            campaign = AsDraw(campaign, opening, window);
        }

        if (!options.Part.IsFirst)
        {
            return await ExistsAsync(http, campaign.Id, tokens, opening + Patience, cancellationToken) ? campaign
                : Failed(error, $"Campaign {campaign.Id} did not appear by {opening + Patience:HH:mm:ss}: start part 1 of {options.Part.Count} with the same --prefix and --start-at.");
        }

        using var create = new HttpRequestMessage(HttpMethod.Post, "admin/campaigns") { Content = JsonContent.Create(campaign, options: CampaignJson.Options) };
        create.Headers.Authorization = new("Bearer", tokens.Mint("rehearsal-operator", "operator"));
        using var created = await http.SendAsync(create, cancellationToken);
        return created.IsSuccessStatusCode ? campaign
            : Failed(error, $"Creating {campaign.Id} failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(cancellationToken)}");
    }

    // Registration opens at the opening; the first round opens after the window, and every later
    // round moves with it so the schedule keeps its order.
    private static CampaignDefinition AsDraw(CampaignDefinition campaign, DateTimeOffset opening, TimeSpan window)
    {
        var first = Rehearsal.FirstRound(campaign);
        var later = campaign.ShiftSchedule(window);
        return later with { Rounds = [.. later.Rounds.Select(r => r.Id == first.Id ? r with { Draw = new(opening) } : r)] };
    }

    private static async Task<bool> ExistsAsync(HttpClient http, string campaignId, ResidentTokens tokens, DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"admin/campaigns/{campaignId}");
            request.Headers.Authorization = new("Bearer", tokens.Mint("rehearsal-operator", "operator"));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode || DateTimeOffset.UtcNow > until)
            {
                return response.IsSuccessStatusCode;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private static CampaignDefinition? Failed(TextWriter error, string reason)
    {
        error.WriteLine(reason);
        return null;
    }
}
