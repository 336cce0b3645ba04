namespace Claims.LoadTests;

/// <summary>Runs a rehearsal, or one of the tool's other commands, from the command line: see <see cref="RehearsalOptions.Usage"/>.</summary>
public static class RehearsalProgram
{
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, cancel.Token);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["tokens", .. var rest]:
                return TokensCommand.Run(rest, output, error);
            case ["compare", .. var rest]:
                return await CompareCommand.RunAsync(rest, output, error, cancellationToken);
            case ["merge", .. var rest]:
                return await MergeCommand.RunAsync(rest, output, error, cancellationToken);
            case ["minutes", .. var rest]:
                return MinutesCommand.Run(rest, output, error);
        }

        RehearsalOptions options;
        try
        {
            options = RehearsalOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            error.WriteLine(exception.Message);
            error.WriteLine(RehearsalOptions.Usage);
            return 2;
        }

        if (options.Cpus is { } cpus && !CpuPinning.IsOn(cpus))
        {
            return await CpuPinning.RunAgainOnAsync(cpus, args);
        }

        var serverCpus = options.Cpus is null ? null : CpuSet.Machine.Without(options.Cpus);
        await using var embedded = options.Url is null ? await EmbeddedServer.StartAsync(output, serverCpus, cancellationToken) : null;
        var url = options.Url ?? embedded!.Url;

        // Many connections, as many phones would open; none is kept waiting for a free one.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = url,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var tokens = new ResidentTokens(options.SigningKey);
        if (await CampaignSetup.PrepareAsync(http, options, tokens, error, cancellationToken) is not { } campaign)
        {
            return 2;
        }

        var targets = Rehearsal.Targets(campaign);
        var firstRound = Rehearsal.FirstRound(campaign);
        output.WriteLine($"{campaign.Id}: {targets.Count} coupon types, {targets.Sum(t => firstRound.Stock[t.Id]):N0} coupons; crowd {options.Crowd:N0}{(options.Part.IsWhole ? "" : $", part {options.Part}")} at {url}");
        using var watched = options.ServerPid is { } pid ? System.Diagnostics.Process.GetProcessById(pid) : null;

        // The stock readings get a connection of their own: on the crowd's they queued behind every
        // request waiting for a free connection, and a spike left the stock chart without readings.
        using var stockHttp = new HttpClient { BaseAddress = url };
        var run = new RehearsalRun(http, options, campaign, tokens, stockHttp);
        var summary = await run.RunAsync(output, embedded?.Process ?? watched, embedded is null ? url.ToString() : "embedded", cancellationToken);
        return await RunOutputs.FinishAsync(summary, run.Recorder, options.Thresholds, options.ReportFile, output, cancellationToken);
    }
}
