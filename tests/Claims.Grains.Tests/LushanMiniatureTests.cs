using Claims.Contracts.Reports;

namespace Claims.Grains.Tests;

/// <summary>
/// Lushan 2023 (seed 000), both phases, with every stock and the fund scaled down ×100: a rush per
/// phase, redemptions at several merchants, refunds, expiry of phase 1 into phase 2 and of phase 2
/// into the fund. The test keeps its own books of what each step must have done, and the report,
/// the settlement and the reconciliation must agree with them to the fen.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LushanMiniatureTests(ClusterFixture fixture)
{
    private const int Crowd = 160;
    private const string Region = "410423";

    [Fact]
    public async Task BothPhasesReportSettleAndReconcileAgainstTheTestsOwnBooks()
    {
        var campaign = await fixture.CreateAsync(Miniature(fixture.Clock.GetUtcNow()));
        var books = new CampaignBooks(campaign);
        var shops = await ShopsAsync();

        await PlayPhaseAsync(campaign, "p1", books, shops);
        books.RollOver("p1", "p2");
        fixture.Clock.Advance(campaign.Rounds[1].OpensAt - fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        foreach (var (couponTypeId, line) in books.Round("p2"))
        {
            Assert.Equal(line.RolledIn, (await fixture.StockAsync(campaign, "p2", couponTypeId)).RolledIn);
        }

        await PlayPhaseAsync(campaign, "p2", books, shops);
        books.ReturnToFund("p2");

        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        var report = (await reports.BuildAsync())!;
        Assert.Equal(books.ExpectedLines(), report.Lines.OrderBy(l => l.RoundId, StringComparer.Ordinal).ThenBy(l => l.CouponTypeId, StringComparer.Ordinal));
        Assert.Equal(books.ExpectedMerchants(), report.Merchants);

        var settlement = (await reports.SettleAsync())!;
        Assert.Equal([new FundSettlement("county", 10_000, books.Paid, 10_000 - books.Paid)], settlement.Funds);
        Assert.Equal(books.ExpectedSettlement(), settlement.Merchants.OrderBy(m => m.MerchantId, StringComparer.Ordinal));

        var reconciliation = (await reports.ReconcileAsync())!;
        Assert.Empty(reconciliation.Differences);
        Assert.True(reconciliation.Checked > 0);
    }

    /// <summary>The round's rush, then redemptions and refunds while it is open, then its close.</summary>
    private async Task PlayPhaseAsync(CampaignDefinition campaign, string roundId, CampaignBooks books, IReadOnlyDictionary<string, string[]> shops)
    {
        var granted = await RushAsync(campaign, roundId, books);
        for (var k = 0; k < granted.Count; k++)
        {
            var coupon = granted[k];
            if (k % 3 == 2)
            {
                continue;
            }

            var merchants = k % 7 == 0 ? shops["any"] : shops[coupon.Industry];
            var merchantId = merchants[k % merchants.Length];
            var orderId = $"{roundId}-{k}";
            var amount = coupon.MinSpend + (k % 5 * 12.34m);
            Assert.NotNull((await fixture.RedeemAsync(merchantId, orderId, coupon, amount, regionCode: Region)).Receipt);
            books.Redeemed(coupon, merchantId, amount);
            if (k % 6 == 0)
            {
                Assert.NotNull(await fixture.RefundAsync(merchantId, orderId));
                books.Refunded(coupon, merchantId, amount);
            }
        }

        var round = campaign.Rounds.Single(r => r.Id == roundId);
        fixture.Clock.Advance(round.ClosesAt - fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await fixture.TickAsync(campaign);
    }

    /// <summary>
    /// Every resident of the crowd taps twice, at once, for the coupon type they want in each
    /// industry. The pools must grant exactly min(stock, demand) per type, one per resident.
    /// </summary>
    private async Task<IReadOnlyList<Coupon>> RushAsync(CampaignDefinition campaign, string roundId, CampaignBooks books)
    {
        var taps = (
            from resident in Enumerable.Range(0, Crowd)
            from couponTypeId in Wanted(resident)
            from tap in new[] { 1, 2 }
            select (UserId: $"resident-{resident}", CouponTypeId: couponTypeId)).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = taps.Select(async t =>
        {
            await start.Task;
            return await fixture.ClaimAsync(campaign, t.UserId, t.CouponTypeId);
        }).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(claims);

        Assert.All(outcomes, o => Assert.True(o.Coupon is not null || o.Refusal is ClaimRefusal.SoldOut or ClaimRefusal.LimitReached, $"{o.Refusal}"));
        var coupons = outcomes.Select(o => o.Coupon).OfType<Coupon>().OrderBy(c => c.CouponId, StringComparer.Ordinal).ToList();
        Assert.All(coupons.GroupBy(c => (c.OwnerId, c.Industry)), g => Assert.Single(g));
        foreach (var (couponTypeId, line) in books.Round(roundId))
        {
            var demand = taps.Where(t => t.CouponTypeId == couponTypeId).Select(t => t.UserId).Distinct().Count();
            line.Claimed = Math.Min(line.Stock + line.RolledIn, demand);
            Assert.Equal(line.Claimed, coupons.Count(c => c.CouponTypeId == couponTypeId));
        }

        return coupons;
    }

    /// <summary>
    /// What a resident asks for, one type per industry at most: some types draw more residents than
    /// their stock, dining-50-200 and both fuel types fewer, so unclaimed stock rolls over too.
    /// </summary>
    private static IEnumerable<string> Wanted(int resident)
    {
        yield return (resident % 4) switch { 0 => "market-10-50", 3 => "market-50-200", _ => "market-20-100" };
        var dining = (resident % 16) switch
        {
            0 or 1 or 2 or 8 or 9 or 10 => "dining-10-50",
            3 or 4 or 11 or 12 => "dining-20-100",
            5 => "dining-50-200",
            _ => null,
        };
        if (dining is not null)
        {
            yield return dining;
        }

        if (resident % 2 == 0)
        {
            yield return "fuel-20-200";
        }
        else if (resident % 3 == 0)
        {
            yield return "fuel-10-100";
        }
    }

    /// <summary>Two shops per industry and one that takes every industry, all approved in the county.</summary>
    private async Task<IReadOnlyDictionary<string, string[]>> ShopsAsync()
    {
        var shops = new Dictionary<string, string[]>();
        foreach (var industry in new[] { "supermarket", "dining", "fuel" })
        {
            shops[industry] = [await fixture.MerchantAsync([industry], Region), await fixture.MerchantAsync([industry], Region)];
        }

        shops["any"] = [await fixture.MerchantAsync(["any"], Region)];
        return shops;
    }

    /// <summary>The sample file with stocks and the fund ÷100, a fresh id, and phase 1 opened a minute ago.</summary>
    private static CampaignDefinition Miniature(DateTimeOffset now)
    {
        var lushan = CampaignJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "lushan-2023.json")));
        var shift = now.AddMinutes(-1) - lushan.Rounds[0].OpensAt;
        return lushan with
        {
            Id = $"lushan-{Guid.NewGuid():N}",
            Funds = [.. lushan.Funds.Select(f => f with { Amount = f.Amount / 100 })],
            Rounds =
            [
                .. lushan.Rounds.Select(r => r with
                {
                    OpensAt = r.OpensAt + shift,
                    ClosesAt = r.ClosesAt + shift,
                    Stock = r.Stock.ToDictionary(s => s.Key, s => s.Value / 100),
                }),
            ],
        };
    }
}
