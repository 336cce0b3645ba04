using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Claims.Contracts.Campaigns;

namespace Claims.LoadTests;

/// <summary>
/// Sends the crowd's claims on schedule. Each request starts when it is due, whether or not
/// earlier ones have been answered (an open arrival model): a server that stalls shows it as
/// latency, measured from the due time, instead of silently receiving fewer requests.
/// </summary>
public sealed class Rehearsal(HttpClient http, RehearsalOptions options, CampaignDefinition campaign, ResidentTokens tokens)
{
    /// <summary>The outcome of a claim answered with a coupon.</summary>
    public const string Granted = "201 granted";

    private const string OutsideRegion = "000000";
    private const int BotTaps = 30;

    private readonly Recorder _recorder = new();
    private long _started;

    public Recorder Recorder => _recorder;

    /// <summary>The round the rehearsal opens and the crowd claims in.</summary>
    public static RoundDefinition FirstRound(CampaignDefinition campaign) => campaign.Rounds.MinBy(r => r.OpensAt)!;

    /// <summary>The coupon types the crowd claims: those of the first round, claimable by anyone.</summary>
    public static IReadOnlyList<CouponTypeDefinition> Targets(CampaignDefinition campaign)
    {
        var first = FirstRound(campaign);
        return [.. campaign.CouponTypes.Where(t => !t.ListOnly && first.Stock.GetValueOrDefault(t.Id) > 0)];
    }

    public string ResidentId(int n) => $"{options.Prefix}-{n:D7}";

    /// <summary>
    /// Sends this part's share of the crowd from now, the opening, and waits for every answer;
    /// meanwhile each of <paramref name="watches"/> runs once a second.
    /// </summary>
    public async Task RunAsync(TextWriter progress, IReadOnlyList<Func<CancellationToken, Task>> watches, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        var targets = Targets(campaign);
        var region = campaign.Regions.Count == 0 ? "110000" : campaign.Regions[0].PadRight(6, '0');
        var schedule = options.Spike.Schedule(options.Crowd);
        var residents = new List<Task>(options.Crowd / options.Part.Count + 1);
        _started = Stopwatch.GetTimestamp();
        using var watching = new CancellationTokenSource();
        Task[] watchers = [ReportProgressAsync(progress, watching.Token), .. watches.Select(watch => EverySecondAsync(watch, watching.Token))];
        for (var n = 0; n < options.Crowd; n++)
        {
            // Every part draws every resident's behaviour, so the parts together are the same crowd as one run.
            var behaviour = options.Mix.Pick(random);
            var type = targets[random.Next(targets.Count)];
            if (!options.Part.Includes(n))
            {
                continue;
            }

            await UntilAsync(schedule[n], cancellationToken);
            residents.Add(ResidentAsync(ResidentId(n), behaviour, type.Id, behaviour == Behaviour.Outsider ? OutsideRegion : region, schedule[n], cancellationToken));
        }

        await Task.WhenAll(residents);
        await watching.CancelAsync();
        await Task.WhenAll(watchers);
        progress.WriteLine();
    }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    private async Task ResidentAsync(string residentId, Behaviour behaviour, string couponTypeId, string region, TimeSpan due, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var token = tokens.Mint(residentId, "resident");
        switch (behaviour)
        {
            case Behaviour.RepeatTapper:
                await Task.WhenAll(Enumerable.Range(0, 3).Select(tap => TapLaterAsync(residentId, token, couponTypeId, region, $"tap-{tap}", due + TimeSpan.FromMilliseconds(100 * tap), cancellationToken)));
                break;
            case Behaviour.Bot:
                await Task.WhenAll(Enumerable.Range(0, BotTaps).Select(tap => TapLaterAsync(residentId, token, couponTypeId, region, $"bot-{tap}", due + TimeSpan.FromSeconds(tap / (double)BotTaps), cancellationToken)));
                break;
            case Behaviour.Retrier:
                await TapAsync(residentId, token, couponTypeId, region, "tap", due, cancellationToken);
                await TapAsync(residentId, token, couponTypeId, region, "tap", Elapsed, cancellationToken);
                break;
            default:
                await TapAsync(residentId, token, couponTypeId, region, "tap", due, cancellationToken);
                break;
        }
    }

    private async Task TapLaterAsync(string residentId, string token, string couponTypeId, string region, string key, TimeSpan due, CancellationToken cancellationToken)
    {
        await UntilAsync(due, cancellationToken);
        await TapAsync(residentId, token, couponTypeId, region, key, due, cancellationToken);
    }

    private async Task TapAsync(string residentId, string token, string couponTypeId, string region, string key, TimeSpan due, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.RegistrationWindow is null ? $"campaigns/{campaign.Id}/claims" : $"campaigns/{campaign.Id}/registrations")
        {
            Content = JsonContent.Create(new { couponTypeId, regionCode = region }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", $"{residentId}-{key}");
        _recorder.Sending(due);
        string outcome;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            using var response = await http.SendAsync(request, timeout.Token);
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
            var status = (int)response.StatusCode;
            if (status == 201 && options.RegistrationWindow is not null)
            {
                outcome = "201 registered";
            }
            else if (status == 201)
            {
                _recorder.SawGrant(new(residentId, couponTypeId, body.RootElement.GetProperty("couponId").GetString()!, Elapsed));
                outcome = Granted;
            }
            else
            {
                var code = body.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
                outcome = code is null ? $"{status}" : $"{status} {code}";
                if (code == "sold_out")
                {
                    _recorder.SawSoldOut(couponTypeId, Elapsed);
                }
                else if (status >= 500)
                {
                    _recorder.Unanswered[residentId] = true;
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            _recorder.Unanswered[residentId] = true;
            outcome = exception is OperationCanceledException ? "error timeout" : $"error {exception.GetType().Name}";
        }

        _recorder.Record(outcome, due, Elapsed);
    }

    // Timers tick in milliseconds: what is due within one goes now, and its latency still counts
    // from its due time. Spinning to hit the microsecond instead starved the very requests it timed.
    private async Task UntilAsync(TimeSpan due, CancellationToken cancellationToken)
    {
        var left = due - Elapsed;
        if (left > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(left, cancellationToken);
        }
    }

    private static async Task EverySecondAsync(Func<CancellationToken, Task> watch, CancellationToken cancellationToken)
    {
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await ticks.WaitForNextTickAsync(cancellationToken))
            {
                await watch(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The crowd has been answered.
        }
    }

    private async Task ReportProgressAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var lastAnswered = 0;
        try
        {
            while (await ticks.WaitForNextTickAsync(cancellationToken))
            {
                _recorder.SawInFlight(Elapsed);
                var answered = _recorder.Answered;
                progress.Write($"\r{Elapsed.TotalSeconds,6:F1} s  sent {_recorder.Sent,9:N0}  answered {answered,9:N0}  in flight {_recorder.Sent - answered,7:N0}  granted {_recorder.Granted,8:N0}  {answered - lastAnswered,7:N0}/s   ");
                lastAnswered = answered;
            }
        }
        catch (OperationCanceledException)
        {
            // The crowd has been answered.
        }
    }
}
