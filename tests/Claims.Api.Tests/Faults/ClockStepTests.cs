using System.Text.Json;
using Claims.Api.Tests.Histories;

namespace Claims.Api.Tests.Faults;

/// <summary>
/// A rush across a round's opening and close on two nodes on PostgreSQL while one node's wall
/// clock steps ten minutes ahead before the opening and ten minutes behind after the close. The
/// nodes decide by the cluster's clock, not their own: nobody is granted a coupon before the
/// opening or after the close on either node, the round is not closed early, and no coupon expires
/// before its time.
/// </summary>
public sealed class ClockStepTests
{
    private const int Stock = 3_000;
    private const int Residents = 1_200;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Open = TimeSpan.FromSeconds(40);

    // A claim sent this long after the opening, or before the close, is decided inside the round
    // whatever the round trip: its answer must not be round_not_open.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ANodeWhoseWallClockStepsGrantsNothingOutsideTheRoundAndExpiresNothingEarly()
    {
        using var clock = ShiftedClock.Create();
        await using var server = await PostgresServer.StartAsync();
        await using var cluster = await PostgresCluster.StartAsync(server.ConnectionString, nodes: 0);

        // The stepped node starts alone and creates the campaign, so the campaign's grains (its
        // pools, whose ticks close rounds and expire coupons) live on it.
        var stepped = await cluster.AddAsync(environment: clock.Environment);
        var opensAt = DateTimeOffset.UtcNow.AddSeconds(45);
        var closesAt = opensAt + Open;
        var calls = await FaultRun.CreateAsync(stepped, RoundOpenFor(opensAt, closesAt));
        using (var admin = stepped.ClientFor(TestTokens.Operator()))
        {
            (await admin.GetAsync($"/admin/campaigns/{calls.Campaign.Id}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        var steady = await cluster.AddAsync();
        var nodes = new[] { ApiNode.Of(stepped), ApiNode.Of(steady) };

        var steps = StepAsync(clock, opensAt, closesAt);
        var arrivals = (closesAt - opensAt + TimeSpan.FromSeconds(40)) / Residents;
        var first = opensAt - TimeSpan.FromSeconds(20);
        var rush = new List<Task>();
        for (var i = 0; i < Residents; i++)
        {
            await UntilAsync(first + (arrivals * i));
            var (resident, node, fallback) = ($"r-{i}", nodes[i % 2], nodes[(i + 1) % 2]);
            rush.AddRange((i % 5 == 0 ? new[] { "a", "b" } : ["a"]).Select(tap =>
                calls.UntilFinalAsync(n => calls.ClaimAsync(n, resident, $"tap-{tap}-{resident}", FaultRush.CouponTypeId), node, fallback)));
        }

        await Task.WhenAll(rush);
        await steps;

        var violations = OutsideTheRound(calls.History, opensAt, closesAt).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)) + $"\n{stepped.RecentOutput}");
        Assert.Contains(calls.History.Operations, o => o.Status == 201);
        using (var admin = steady.ClientFor(TestTokens.Operator()))
        {
            var view = await admin.GetFromJsonAsync<JsonElement>($"/admin/campaigns/{calls.Campaign.Id}", TestContext.Current.CancellationToken);
            Assert.Equal(0, view.GetProperty("pools").EnumerateArray().Sum(p => p.GetProperty("expired").GetInt32()));
        }

        await cluster.AssertHeldAsync(calls, steady);
    }

    // Ahead from before the opening until after the close, so the stepped node's own clock has
    // the round open early, closed early and its coupons (valid four minutes past the close)
    // expired; then behind, so its own clock has the round open again.
    private static async Task StepAsync(ShiftedClock clock, DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        await UntilAsync(opensAt - TimeSpan.FromSeconds(25));
        clock.Shift(Step);
        await UntilAsync(closesAt + TimeSpan.FromSeconds(5));
        clock.Shift(-Step);
    }

    private static CampaignDefinition RoundOpenFor(DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        var campaign = ApiCampaigns.Open(stock: Stock, opensAt: opensAt);
        return campaign with
        {
            Rounds = [.. campaign.Rounds.Select(r => r with { ClosesAt = closesAt, Validity = new(null, closesAt.AddMinutes(4), false) })],
        };
    }

    // Each key's claim judged by its first attempt's sending and its final answer.
    private static IEnumerable<string> OutsideTheRound(History history, DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        foreach (var attempts in history.Operations.Where(o => o.Kind == OperationKind.Claim).GroupBy(o => o.Key))
        {
            var first = attempts.MinBy(o => o.Sent)!;
            var final = attempts.MaxBy(o => o.Sent)!;
            if (attempts.FirstOrDefault(o => o.Status == 201 && o.Answered < opensAt) is { } early)
            {
                yield return $"granted before the opening at {opensAt:O}: {early} answered at {early.Answered:O}";
            }

            if (final.Status == 201 && first.Sent >= closesAt)
            {
                yield return $"granted after the close at {closesAt:O}: {final} first sent at {first.Sent:O}";
            }

            if (final.Code == "round_not_open" && first.Sent >= opensAt + Margin && final.Answered <= closesAt - Margin)
            {
                yield return $"refused round_not_open while the round was open: {final}";
            }
        }
    }

    private static async Task UntilAsync(DateTimeOffset moment)
    {
        if (moment - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait);
        }
    }
}
