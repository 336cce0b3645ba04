using System.Diagnostics;
using Claims.LoadTests;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// One connection per concurrent request, kept for the whole run, as many residents' phones would hold.
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(30),
};
var load = new ClaimLoad(http, options);

Console.WriteLine($"Minting {options.Residents} resident tokens ({options.ResidentPrefix}-*) at {options.Url}");
var minting = Stopwatch.StartNew();
var tokens = await load.MintTokensAsync(cancel.Token);
Console.WriteLine($"Minted in {minting.Elapsed.TotalSeconds:F2} s");

Console.WriteLine($"Claiming {options.CouponTypeId} in {options.CampaignId} for region {options.RegionCode}");
var report = await load.ClaimAllAsync(tokens, cancel.Token);
report.Print(Console.Out, options.Concurrency);
return report.HasFailures ? 1 : 0;
