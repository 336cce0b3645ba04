using System.Diagnostics;
using System.Net.Http.Json;
using Claims.Contracts.Campaigns;

namespace Claims.LoadTests;

/// <summary>
/// One rehearsal from the opening to its summary: waits for the opening, sends the crowd (or this
/// part of it) while watching the tool, the server and the pools' stock each second (through
/// <paramref name="stockHttp"/> when given, else the crowd's own client), runs the draw
/// when rehearsing a registration window, checks the invariants through the API and measures.
/// </summary>
public sealed class RehearsalRun(HttpClient http, RehearsalOptions options, CampaignDefinition campaign, ResidentTokens tokens, HttpClient? stockHttp = null)
{
    private readonly Rehearsal _rehearsal = new(http, options, campaign, tokens);

    public Recorder Recorder => _rehearsal.Recorder;

    /// <param name="output">Where the progress goes.</param>
    /// <param name="server">The server's process, when it runs on this machine, to chart and to count its CPU.</param>
    /// <param name="target">What the summary names as rehearsed: <c>embedded</c> or the deployment's URL.</param>
    /// <param name="cancellationToken">Stops the rehearsal.</param>
    public async Task<RunSummary> RunAsync(TextWriter output, Process? server, string target, CancellationToken cancellationToken)
    {
        if (options.StartAt - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
        {
            output.WriteLine($"The round opens and the crowd starts at {options.StartAt:HH:mm:ss}, in {wait.TotalSeconds:F0} s.");
            await Task.Delay(wait, cancellationToken);
        }

        var startedAt = DateTimeOffset.UtcNow;
        var tool = new ProcessWatch(Process.GetCurrentProcess(), () => _rehearsal.Elapsed);
        var serverWatch = server is null ? null : new ProcessWatch(server, () => _rehearsal.Elapsed);
        var stock = options.Part.IsFirst ? new StockWatch(stockHttp ?? http, campaign, tokens, () => _rehearsal.Elapsed) : null;
        List<Func<CancellationToken, Task>> watches = [_ => Sampled(tool), _ => Sampled(serverWatch)];
        if (stock is not null)
        {
            watches.Add(stock.SampleAsync);
        }

        await _rehearsal.RunAsync(output, watches, cancellationToken);
        var elapsed = _rehearsal.Elapsed;

        // The last samples close the CPU accounts at the crowd's last answer.
        tool.Sample();
        serverWatch?.Sample();
        var draw = options.RegistrationWindow is null ? null : await DrawAsync(output, cancellationToken);
        output.WriteLine("Checking the invariants through the API...");
        var check = new InvariantCheck(http, campaign, tokens, options.CheckWallets);
        var violations = await check.RunAsync(Recorder, cancellationToken);
        var firstRound = Rehearsal.FirstRound(campaign);
        return new RunSummary
        {
            CampaignId = campaign.Id,
            Target = target,
            StartedAt = startedAt,
            Crowd = options.Crowd,
            Part = options.Part.IsWhole ? null : options.Part.ToString(),
            PeakArrivals = options.Spike.Peak,
            RampSeconds = options.Spike.Ramp.TotalSeconds,
            HalfLifeSeconds = options.Spike.HalfLife.TotalSeconds,
            HoldSeconds = options.Spike.Hold.TotalSeconds,
            Seconds = elapsed.TotalSeconds,
            Pools = [.. Rehearsal.Targets(campaign).Select(t => new PoolFigures(t.Id, firstRound.Stock[t.Id], null))],
            Stock = stock?.Samples ?? [],
            Server = serverWatch?.Samples ?? [],
            ServerCpuSeconds = serverWatch?.CpuTime.TotalSeconds,
            ServerPeakBytes = serverWatch?.PeakBytes,
            Tool = tool.Samples,
            ToolCpuSeconds = tool.CpuTime.TotalSeconds,
            ToolCores = Environment.ProcessorCount,
            Draw = draw,
            Violations = violations,
            WalletsChecked = options.CheckWallets is null ? null : check.WalletsChecked,
        }.Measured(Recorder);
    }

    private static Task Sampled(ProcessWatch? watch)
    {
        watch?.Sample();
        return Task.CompletedTask;
    }

    // Waits for the opening, then asks for the draw at once rather than waiting for the campaign's tick.
    private async Task<string> DrawAsync(TextWriter output, CancellationToken cancellation)
    {
        var round = Rehearsal.FirstRound(campaign);
        if (round.OpensAt - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
        {
            output.WriteLine($"Registration closes in {wait.TotalSeconds:F0} s; the draw runs then.");
            await Task.Delay(wait + TimeSpan.FromSeconds(1), cancellation);
        }

        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"admin/campaigns/{campaign.Id}/rounds/{round.Id}/draw");
        request.Headers.Authorization = new("Bearer", tokens.Mint("rehearsal-operator", "operator"));
        using var response = await http.SendAsync(request, cancellation);
        var took = Stopwatch.GetElapsedTime(started);
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
