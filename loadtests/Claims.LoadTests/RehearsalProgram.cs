using System.Net.Http.Json;
using Claims.Contracts.Campaigns;

namespace Claims.LoadTests;

/// <summary>Runs a rehearsal from the command line: see <see cref="RehearsalOptions.Usage"/>.</summary>
public static class RehearsalProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["tokens", .. var rest])
        {
            return TokensCommand.Run(rest, Console.Out, Console.Error);
        }

        RehearsalOptions options;
        try
        {
            options = RehearsalOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(RehearsalOptions.Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        await using var embedded = options.Url is null ? await EmbeddedServer.StartAsync(Console.Out, cancel.Token) : null;
        var url = options.Url ?? embedded!.Url;

        // Many connections, as many phones would open; none is kept waiting for a free one.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = url,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var tokens = new ResidentTokens(options.SigningKey);

        // The campaign opens now, under an id of this run, so every rehearsal meets a fresh one.
        var definition = CampaignJson.Parse(await File.ReadAllTextAsync(options.CampaignFile, cancel.Token));
        var opensAt = definition.Rounds.Min(r => r.OpensAt);
        var campaign = definition.ShiftSchedule(DateTimeOffset.UtcNow - opensAt) with { Id = $"{definition.Id}-{options.Prefix}" };
        if (options.RegistrationWindow is { } window)
        {
            campaign = AsDraw(campaign, window);
        }

        using (var create = new HttpRequestMessage(HttpMethod.Post, "admin/campaigns") { Content = JsonContent.Create(campaign, options: CampaignJson.Options) })
        {
            create.Headers.Authorization = new("Bearer", tokens.Mint("rehearsal-operator", "operator"));
            using var created = await http.SendAsync(create, cancel.Token);
            if (!created.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"Creating {campaign.Id} failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(cancel.Token)}");
                return 2;
            }
        }

        var targets = Rehearsal.Targets(campaign);
        var firstRound = Rehearsal.FirstRound(campaign);
        Console.WriteLine($"{campaign.Id}: {targets.Count} coupon types, {targets.Sum(t => firstRound.Stock[t.Id]):N0} coupons; crowd {options.Crowd:N0} at {url}");
        var rehearsal = new Rehearsal(http, options, campaign, tokens);
        await rehearsal.RunAsync(Console.Out, cancel.Token);
        var elapsed = rehearsal.Elapsed;
        var draw = options.RegistrationWindow is null ? null : await DrawAsync(http, tokens, campaign, cancel.Token);

        Console.WriteLine("Checking the invariants through the API...");
        var violations = await new InvariantCheck(http, campaign, tokens).RunAsync(rehearsal.Recorder, cancel.Token);
        var report = new RehearsalReport(options, campaign.Id, elapsed, rehearsal.Recorder, violations, embedded?.PeakBytes, draw);
        report.Print(Console.Out);
        await File.WriteAllTextAsync(options.ReportFile, report.Html(), cancel.Token);
        Console.WriteLine($"HTML report: {Path.GetFullPath(options.ReportFile)}");
        return violations.Count == 0 ? 0 : 1;
    }

    // Registration opens now; the first round opens after the window, and every later round moves
    // with it so the schedule keeps its order.
    private static CampaignDefinition AsDraw(CampaignDefinition campaign, TimeSpan window)
    {
        var first = Rehearsal.FirstRound(campaign);
        var now = DateTimeOffset.UtcNow;
        var later = campaign.ShiftSchedule(window);
        return later with { Rounds = [.. later.Rounds.Select(r => r.Id == first.Id ? r with { Draw = new(now) } : r)] };
    }

    // Waits for the opening, then asks for the draw at once rather than waiting for the campaign's tick.
    private static async Task<string> DrawAsync(HttpClient http, ResidentTokens tokens, CampaignDefinition campaign, CancellationToken cancellation)
    {
        var round = Rehearsal.FirstRound(campaign);
        if (round.OpensAt - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
        {
            Console.WriteLine($"Registration closes in {wait.TotalSeconds:F0} s; the draw runs then.");
            await Task.Delay(wait + TimeSpan.FromSeconds(1), cancellation);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"admin/campaigns/{campaign.Id}/rounds/{round.Id}/draw");
        request.Headers.Authorization = new("Bearer", tokens.Mint("rehearsal-operator", "operator"));
        using var response = await http.SendAsync(request, cancellation);
        var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellation);
        if (!response.IsSuccessStatusCode)
        {
            return $"Draw failed after {took.TotalSeconds:F1} s: {(int)response.StatusCode} {body}";
        }

        // The campaign's own tick may have run the draw at the opening, before this asked.
        var results = body.GetProperty("results").EnumerateArray().ToList();
        var drawnAt = body.GetProperty("drawnAt").GetDateTimeOffset();
        var timing = drawnAt < DateTimeOffset.UtcNow - took ? $"ran at {drawnAt:HH:mm:ss} by the campaign's tick" : $"took {took.TotalSeconds:F1} s";
        return $"Draw of {results.Sum(r => r.GetProperty("registrants").GetInt32()):N0} registrations over {results.Count} coupon types {timing}: "
            + $"{results.Sum(r => r.GetProperty("winners").GetInt32()):N0} winners given their coupons (seed {body.GetProperty("seed").GetString()})";
    }
}
