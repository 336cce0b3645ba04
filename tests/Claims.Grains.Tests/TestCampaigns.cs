namespace Claims.Grains.Tests;

/// <summary>Campaigns shaped like the seeds' but small, with a fresh id each time.</summary>
public static class TestCampaigns
{
    public static CampaignDefinition Open(DateTimeOffset now, int stock = 1000, IReadOnlyList<LimitDefinition>? limits = null) =>
        new(
            Id: $"t-{Guid.NewGuid():N}",
            Name: "test",
            Description: null,
            TimeZone: "Asia/Shanghai",
            Regions: ["410423"],
            MinLeverage: 4,
            Funds: [new("county", 10_000_000)],
            CouponTypes:
            [
                new("market-10-50", "supermarket", 10, 50, null, false),
                new("market-20-100", "supermarket", 20, 100, null, false),
                new("dining-10-50", "dining", 10, 50, null, false),
                new("fuel-20-200", "fuel", 20, 200, null, false),
                new("love-1000", "any", 1000, 0, null, true),
            ],
            Limits: limits ?? [new(LimitPeriod.Phase, LimitGrouping.Industry, 1, null)],
            Rounds:
            [
                Round("p1", "1", now.AddHours(-1), now.AddDays(1), stock),
                Round("p2", "2", now.AddDays(2), now.AddDays(3), stock),
            ],
            Blacklist: ["cheater"]);

    public static RoundDefinition Round(string id, string phase, DateTimeOffset opensAt, DateTimeOffset closesAt, int stock, ValidityDefinition? validity = null) =>
        new(id, phase, "county", opensAt, closesAt, validity ?? new(7, null, false), new Dictionary<string, int>
        {
            ["market-10-50"] = stock,
            ["market-20-100"] = stock,
            ["dining-10-50"] = stock,
            ["fuel-20-200"] = stock,
            ["love-1000"] = 10,
        });

    /// <summary>
    /// For the life after the claim: Lushan's shape (coupons valid until their round closes, so
    /// phase 1's leftovers roll into phase 2), a car price band, and a chosen refund policy. Phase 1
    /// closes in a day, phase 2 runs from day 2 to day 3.
    /// </summary>
    public static CampaignDefinition Lifecycle(DateTimeOffset now, RefundPolicy? refundPolicy = null, int stock = 10)
    {
        var open = Open(now, stock);
        RoundDefinition WithCars(RoundDefinition round) =>
            round with { Stock = new Dictionary<string, int>(round.Stock) { ["car-3000"] = stock } };
        return open with
        {
            CouponTypes = [.. open.CouponTypes, new("car-3000", "cars", 3000, 100_000, 150_000, false)],
            Rounds =
            [
                WithCars(Round("p1", "1", now.AddHours(-1), now.AddDays(1), stock, new(null, null, true))),
                WithCars(Round("p2", "2", now.AddDays(2), now.AddDays(3), stock, new(null, null, true))),
            ],
            RefundPolicy = refundPolicy,
        };
    }
}
