using System.Globalization;
using Claims.Api.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Claims.Api.Claims;

/// <summary>
/// Runs the claim path of this node before a round opens: within <see cref="WarmUpOptions.Lead"/>
/// of an opening it sends itself <see cref="WarmUpOptions.Claims"/> claims of the round's types
/// through its own HTTP endpoint, from residents of its own, and the round refuses them as not
/// open yet. The runtime compiles each method the claim runs, Kestrel's, the token check's, the
/// JSON's and Claims', at its first call; on a node idle since it started the rush itself would
/// pay for that (the yardstick's <c>cold</c> target measures it). The grains a round needs are warmed by its
/// campaign (see the <c>CampaignGrain</c>); this is the part every process must do for itself.
/// </summary>
public sealed partial class ClaimPathWarmUp(
    IOptions<WarmUpOptions> options,
    IGrainFactory grains,
    CampaignDirectory campaigns,
    TokenIssuer tokens,
    IServer server,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ClaimPathWarmUp> logger) : BackgroundService
{
    private const int InFlight = 64;

    // Tokens for the warm-up's residents, valid long enough for the exercise.
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);

    private readonly HashSet<(string CampaignId, string RoundId)> _exercised = [];
    private readonly string _node = Guid.NewGuid().ToString("N")[..8];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var warmUp = options.Value;
        if (warmUp.Claims <= 0 || await ListeningAddressAsync(stoppingToken) is not { } address)
        {
            return;
        }

        // Looked at four times per lead, so an opening is seen with most of the lead to go.
        using var timer = new PeriodicTimer(warmUp.Lead / 4, time);
        using var http = new HttpClient { BaseAddress = address };
        do
        {
            try
            {
                await ExerciseOpeningsAsync(http, warmUp, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ExerciseOpeningsAsync(HttpClient http, WarmUpOptions warmUp, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        foreach (var campaignId in await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync())
        {
            if (await campaigns.FindAsync(campaignId) is not { } campaign)
            {
                continue;
            }

            foreach (var round in campaign.Rounds.Where(r => r.OpensAt > now && r.OpensAt - now <= warmUp.Lead && _exercised.Add((campaign.Id, r.Id))))
            {
                var couponTypes = round.Stock.Keys.Where(id => campaign.FindCouponType(id) is { ListOnly: false }).ToList();
                if (couponTypes.Count == 0)
                {
                    continue;
                }

                var region = campaign.Regions.FirstOrDefault() ?? "000000";
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, warmUp.Claims),
                    new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellation },
                    async (i, token) =>
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, $"/campaigns/{campaign.Id}/claims")
                        {
                            Content = JsonContent.Create(new ClaimBody(couponTypes[i % couponTypes.Count], region), ClaimsJsonContext.Default.ClaimBody),
                        };
                        request.Headers.Authorization = new("Bearer", tokens.Issue(string.Create(CultureInfo.InvariantCulture, $"warm-up-{_node}-{i}"), Roles.Resident, TokenLifetime));
                        using var response = await http.SendAsync(request, token);
                    });
                LogExercised(warmUp.Claims, campaign.Id, round.Id);
            }
        }
    }

    // This node's own endpoint; none under a test server, which takes no connections.
    // The server binds its addresses only once the host has started, which is after this service did.
    private async Task<Uri?> ListeningAddressAsync(CancellationToken cancellation)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        using (cancellation.Register(started.SetCanceled))
        {
            await started.Task;
        }

        return Address();
    }

    private Uri? Address()
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        if (bound is null)
        {
            return null;
        }

        var uri = new UriBuilder(bound.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ran {Claims} claims through this node's claim path for the opening of round {RoundId} of {CampaignId}")]
    private partial void LogExercised(int claims, string campaignId, string roundId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up this node's claim path failed; the rush will find it less ready")]
    private partial void LogFailed(Exception exception);
}
