using System.Runtime;

namespace Claims.Benchmarks;

/// <summary>
/// A burst of <see cref="Operations"/> residents claiming the same coupon type of a fresh campaign
/// at once, through the dispatcher API nodes use: every claim is granted, as in the first minutes
/// of a rush. <see cref="BenchCampaigns.CouponTypeId"/> goes through the quota grains (another
/// type of its industry shares the limit); <see cref="BenchCampaigns.DirectCouponTypeId"/>, its
/// industry's only type, goes straight to its pool.
/// </summary>
public sealed class ClaimBurst
{
    public const int Operations = 10_000;

    private const int MinWarmUpBursts = 20;
    private const int MaxWarmUpBursts = 200;
    private const int QuietBursts = 3;
    private const int QuietCompilations = 2;

    private readonly ClaimDispatcher _claims;
    private readonly ClaimRoutes _campaign;
    private readonly string _couponTypeId;

    private ClaimBurst(ClaimDispatcher claims, CampaignDefinition campaign, string couponTypeId)
    {
        _claims = claims;
        _campaign = new ClaimRoutes(campaign);
        _couponTypeId = couponTypeId;
    }

    /// <summary>Creates the burst's campaign, <see cref="BenchCampaigns.CouponTypeId"/>'s pool split into <paramref name="shards"/> when given.</summary>
    public static ClaimBurst Prepare(BenchSilo silo, int? shards = null, string couponTypeId = BenchCampaigns.CouponTypeId) =>
        new(new ClaimDispatcher(silo.Grains, TimeProvider.System), BenchCampaigns.Create(silo, stockPerType: Operations, shards), couponTypeId);

    /// <summary>
    /// The claim path reaches its optimised code only after many calls, compiled in the
    /// background: a benchmark measured before that ran slower, and one measured after another
    /// claim benchmark ran faster, whatever each measured (the ledger's cost read 40-56% that way
    /// and about 11% with each benchmark in a process of its own). A fixed number of bursts was
    /// not enough either: with the ledger's writer competing for the cores, a profile still
    /// found its code unoptimised after twenty. So each claim benchmark bursts, unmeasured, until
    /// a few bursts in a row compile next to nothing, then gives the compiler a moment to finish.
    /// </summary>
    /// <remarks>
    /// With <paramref name="inFlight"/>, each warm-up burst keeps only that many claims in flight,
    /// as the measured runs of <see cref="RunInFlightAsync"/> do: their callers run code the deep
    /// bursts never call.
    /// </remarks>
    public static async Task WarmUpAsync(BenchSilo silo, int? shards = null, int? inFlight = null, string couponTypeId = BenchCampaigns.CouponTypeId)
    {
        var quiet = 0;
        var bursts = 0;
        while (bursts < MinWarmUpBursts || (quiet < QuietBursts && bursts < MaxWarmUpBursts))
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            var burst = Prepare(silo, shards, couponTypeId);
            await (inFlight is { } depth ? burst.RunInFlightAsync(depth) : burst.RunAsync());
            bursts++;
            quiet = JitInfo.GetCompiledMethodCount() - compiled <= QuietCompilations ? quiet + 1 : 0;
        }

        Console.WriteLine($"// Warmed up with {bursts} bursts; the last {quiet} compiled at most {QuietCompilations} methods each.");
        await silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    public async Task RunAsync()
    {
        var claims = new Task<ClaimOutcome>[Operations];
        for (var i = 0; i < claims.Length; i++)
        {
            claims[i] = ClaimAsync(i);
        }

        var outcomes = await Task.WhenAll(claims);

        ThrowUnlessAllGranted(outcomes);
    }

    /// <summary>
    /// The same claims with only <paramref name="inFlight"/> at a time, each caller sending its
    /// next when the last is answered: the concurrency of an API node's connections, not of a
    /// burst, so batches are as small as a real rush makes them.
    /// </summary>
    public async Task RunInFlightAsync(int inFlight)
    {
        var outcomes = new ClaimOutcome[Operations];
        var next = -1;
        async Task CallerAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < Operations; i = Interlocked.Increment(ref next))
            {
                outcomes[i] = await ClaimAsync(i);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(CallerAsync)));

        ThrowUnlessAllGranted(outcomes);
    }

    private Task<ClaimOutcome> ClaimAsync(int resident) =>
        _claims.ClaimAsync(_campaign, $"resident-{resident}", new ClaimRequest(_couponTypeId, BenchCampaigns.RegionCode, $"req-{resident}"));

    /// <summary>A refusal is cheaper than a grant: a burst with refusals fails instead of counting them as throughput.</summary>
    public static void ThrowUnlessAllGranted(IReadOnlyCollection<ClaimOutcome> outcomes)
    {
        var refused = outcomes.Where(o => o.Coupon is null).ToList();
        if (refused.Count > 0)
        {
            var reasons = string.Join(", ", refused.GroupBy(o => o.Refusal).Select(g => $"{g.Key} x{g.Count()}"));
            throw new InvalidOperationException($"{refused.Count} of {outcomes.Count} claims were refused: {reasons}.");
        }
    }
}
