using Claims.Contracts.Reports;

namespace Claims.Grains.Tests;

/// <summary>
/// Reviewed big-ticket coupons (001#5: 汽车…凭发票; 002: cars and appliances with invoices; 003):
/// a redemption carries its documents and waits as pending review, only approved ones are settled,
/// a rejected one gives the coupon back while valid, and one invoice number takes one coupon.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReviewTests(ClusterFixture fixture)
{
    private static readonly string[] CarDocuments = ["invoiceNumber", "invoiceAmount", "buyerId", "vin"];

    [Fact]
    public async Task AReviewedRedemptionIsInReviewUntilApprovedAndOnlyThenSettled()
    {
        var campaign = await CreateAsync();
        var car = await fixture.ClaimedAsync(campaign, "driver", "car-3000");
        var dealer = await fixture.MerchantAsync(["cars"]);
        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);

        // Without every document the type names, nothing happens.
        Assert.Equal(RedemptionRefusal.DocumentsRequired, (await RedeemAsync(dealer, "o-1", car, null)).Refusal);
        Assert.Equal(RedemptionRefusal.DocumentsRequired, (await RedeemAsync(dealer, "o-1", car, Invoice("F-1") with { Vin = null })).Refusal);
        Assert.Equal(RedemptionRefusal.InvoiceBelowOrder, (await RedeemAsync(dealer, "o-1", car, Invoice("F-1") with { InvoiceAmount = 119_999 })).Refusal);
        Assert.Empty(await Book(campaign).ListAsync(null));
        Assert.Equal(CouponStatus.Claimed, Assert.Single(await fixture.WalletAsync(campaign, "driver")).Status);

        var receipt = (await RedeemAsync(dealer, "o-1", car, Invoice("F-1"))).Receipt!;
        Assert.Equal((ReviewStatus.Pending, 3000m), (receipt.Review, receipt.Discount));
        var pending = Assert.Single(await Book(campaign).ListAsync(ReviewStatus.Pending));
        Assert.Equal((dealer, "o-1", car.CouponId, Invoice("F-1")), (pending.MerchantId, pending.OrderId, pending.CouponId, pending.Documents));
        var inReview = (await reports.SettleAsync())!;
        Assert.Equal(new MerchantSettlement("county", dealer, 1, 0, InReview: 3000), Assert.Single(inReview.Merchants));
        Assert.Equal((0m, 3000m, 10_000_000m - 3000), (inReview.Funds[0].Paid, inReview.Funds[0].InReview, inReview.Funds[0].Leftover));
        Assert.Equal(1, (await reports.BuildAsync())!.Lines.Single(l => l.RoundId == "p1" && l.CouponTypeId == "car-3000").InReview);
        Assert.Empty((await reports.ReconcileAsync())!.Differences);

        var approved = (await Book(campaign).DecideAsync(new(dealer, "o-1", Approve: true, "ops-1", null)))!;
        Assert.Equal((ReviewStatus.Approved, "ops-1"), (approved.Status, approved.DecidedBy));

        // The first decision stands.
        Assert.Equal(approved, await Book(campaign).DecideAsync(new(dealer, "o-1", Approve: false, "ops-2", "changed my mind")));
        Assert.Equal(new MerchantSettlement("county", dealer, 1, 3000), Assert.Single((await reports.SettleAsync())!.Merchants));
        Assert.Equal(0, (await reports.BuildAsync())!.Lines.Single(l => l.RoundId == "p1" && l.CouponTypeId == "car-3000").InReview);
        Assert.Empty((await reports.ReconcileAsync())!.Differences);
    }

    [Fact]
    public async Task ARejectedRedemptionGivesTheCouponBackAndIsNeverOwed()
    {
        var campaign = await CreateAsync();
        var car = await fixture.ClaimedAsync(campaign, "driver", "car-3000");
        var dealer = await fixture.MerchantAsync(["cars"]);
        await RedeemAsync(dealer, "o-1", car, Invoice("F-1"));

        var rejected = (await Book(campaign).DecideAsync(new(dealer, "o-1", Approve: false, "ops", "invoice forged")))!;

        Assert.Equal((ReviewStatus.Rejected, RefundDestination.Owner, "invoice forged"), (rejected.Status, rejected.ReturnedTo, rejected.Reason));
        Assert.Equal(CouponStatus.Claimed, Assert.Single(await fixture.WalletAsync(campaign, "driver")).Status);
        var order = fixture.Grains.GetGrain<IOrderGrain>(GrainKeys.Order(dealer, "o-1"));
        Assert.Equal(new RefundOutcome(null, null), await order.RefundAsync());
        Assert.Equal(new ReversalOutcome(null, null), await order.ReverseAsync());

        // The coupon serves a real purchase; the rejected invoice is not taken again.
        Assert.Equal(RedemptionRefusal.DuplicateInvoice, (await RedeemAsync(dealer, "o-2", car, Invoice("F-1"))).Refusal);
        Assert.Equal(ReviewStatus.Pending, (await RedeemAsync(dealer, "o-2", car, Invoice("F-2"))).Receipt!.Review);

        var reports = fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id);
        var line = (await reports.BuildAsync())!.Lines.Single(l => l.RoundId == "p1" && l.CouponTypeId == "car-3000");
        Assert.Equal((2, 1, 3000m, 1), (line.Redeemed, line.Rejected, line.RejectedValue, line.InReview));
        Assert.Equal(new MerchantSettlement("county", dealer, 1, 0, InReview: 3000), Assert.Single((await reports.SettleAsync())!.Merchants));
        Assert.Empty((await reports.ReconcileAsync())!.Differences);
    }

    [Fact]
    public async Task OneInvoicePresentedAtManyTillsAtOnceTakesOneCoupon()
    {
        var campaign = await CreateAsync(stock: 20);
        var dealers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.MerchantAsync(["cars"])));
        var cars = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => fixture.ClaimedAsync(campaign, $"buyer-{i}", "car-3000")));

        // The same invoice read off paper in different cases and spacing.
        var outcomes = await Task.WhenAll(cars.Select((car, i) => Task.Run(
            () => RedeemAsync(dealers[i % 4], $"o-{i}", car, Invoice(i % 2 == 0 ? " f-77 " : "F-77")),
            TestContext.Current.CancellationToken)));

        Assert.Single(outcomes, o => o.Receipt is not null);
        Assert.Equal(19, outcomes.Count(o => o.Refusal == RedemptionRefusal.DuplicateInvoice));
        Assert.Single(await Book(campaign).ListAsync(null));
        Assert.Equal(19, (await Task.WhenAll(cars.Select(c => fixture.WalletAsync(campaign, c.OwnerId)))).Count(w => w.Single().Status == CouponStatus.Claimed));
    }

    [Fact]
    public async Task ARedemptionThePoolRefusesFreesItsInvoice()
    {
        var campaign = await CreateAsync();
        var car = await fixture.ClaimedAsync(campaign, "driver", "car-3000");
        var dealer = await fixture.MerchantAsync(["cars"]);

        Assert.Equal(RedemptionRefusal.BelowMinSpend, (await RedeemAsync(dealer, "o-1", car, Invoice("F-9"), orderAmount: 90_000)).Refusal);
        Assert.Empty(await Book(campaign).ListAsync(null));

        Assert.NotNull((await RedeemAsync(dealer, "o-2", car, Invoice("F-9"))).Receipt);
    }

    [Fact]
    public async Task AnOrderRefundedBeforeItsReviewIsWithdrawnAndConcurrentDecisionsMakeOne()
    {
        var campaign = await CreateAsync();
        var dealer = await fixture.MerchantAsync(["cars"]);
        var refunded = await fixture.ClaimedAsync(campaign, "returns-it", "car-3000");
        var contested = await fixture.ClaimedAsync(campaign, "contested", "car-3000");
        await RedeemAsync(dealer, "o-1", refunded, Invoice("F-1"));
        await RedeemAsync(dealer, "o-2", contested, Invoice("F-2"));
        Assert.NotNull(await fixture.RefundAsync(dealer, "o-1"));

        Assert.Equal(ReviewStatus.Withdrawn, (await Book(campaign).DecideAsync(new(dealer, "o-1", Approve: true, "ops", null)))!.Status);
        Assert.Null(await Book(campaign).DecideAsync(new(dealer, "o-9", Approve: true, "ops", null)));

        var decisions = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(
            () => Book(campaign).DecideAsync(new(dealer, "o-2", Approve: i % 2 == 0, $"ops-{i}", "checked")),
            TestContext.Current.CancellationToken)));
        Assert.Single(decisions.Select(d => d!.Status).Distinct());

        var settlement = (await fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id).SettleAsync())!;
        Assert.Equal(decisions[0]!.Status == ReviewStatus.Approved ? 3000m : 0m, settlement.Funds[0].Paid);
        Assert.Equal(0m, settlement.Funds[0].InReview);
        Assert.Empty((await fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id).ReconcileAsync())!.Differences);
    }

    [Fact]
    public async Task ARejectionAfterTheCouponLapsedPassesItsValueOnInsteadOfReturningIt()
    {
        var campaign = await CreateAsync();
        var car = await fixture.ClaimedAsync(campaign, "driver", "car-3000");
        var dealer = await fixture.MerchantAsync(["cars"]);
        await RedeemAsync(dealer, "o-1", car, Invoice("F-1"));
        fixture.Clock.Advance(TimeSpan.FromDays(1.5));

        var rejected = (await Book(campaign).DecideAsync(new(dealer, "o-1", Approve: false, "ops", "no such car")))!;

        Assert.Equal((RefundDestination.Pool, "p2"), (rejected.ReturnedTo, rejected.RoundId));
        Assert.Equal(CouponStatus.Void, Assert.Single(await fixture.WalletAsync(campaign, "driver")).Status);
        await fixture.TickAsync(campaign);
        Assert.Empty((await fixture.Grains.GetGrain<ICampaignReportGrain>(campaign.Id).ReconcileAsync())!.Differences);
    }

    private IReviewBookGrain Book(CampaignDefinition campaign) => fixture.Grains.GetGrain<IReviewBookGrain>(campaign.Id);

    private async Task<CampaignDefinition> CreateAsync(int stock = 10)
    {
        var lifecycle = TestCampaigns.Lifecycle(fixture.Clock.GetUtcNow(), stock: stock);
        return await fixture.CreateAsync(lifecycle with
        {
            CouponTypes = [.. lifecycle.CouponTypes.Select(t => t.Id == "car-3000" ? t with { ReviewDocuments = CarDocuments } : t)],
        });
    }

    private static RedemptionDocuments Invoice(string number) => new(number, 120_000, "buyer-310", "LSVAM4187C2184847");

    private Task<RedemptionOutcome> RedeemAsync(string merchantId, string orderId, Coupon coupon, RedemptionDocuments? documents, decimal orderAmount = 120_000) =>
        fixture.Grains.GetGrain<IOrderGrain>(GrainKeys.Order(merchantId, orderId)).RedeemAsync(new(coupon.CouponId, coupon.OwnerId, orderAmount, "410423", documents));
}
