namespace Claims.Benchmarks;

/// <summary>
/// Campaigns shaped like the Lushan sample (three supermarket types, dining and fuel, one coupon
/// per industry and phase) with phase 1 open now, a fresh id each time, and room for every claim.
/// </summary>
public static class BenchCampaigns
{
    public const string CouponTypeId = "market-10-50";

    /// <summary>Fuel's only type: its pool holds everything the limit counts, so claims go straight to it.</summary>
    public const string DirectCouponTypeId = "fuel-20-200";

    public const string RegionCode = "410423";

    /// <summary>The campaign; <paramref name="shards"/> splits the pool of <see cref="CouponTypeId"/> (left out, Claims chooses).</summary>
    public static CampaignDefinition Open(int stockPerType, int? shards = null)
    {
        var now = DateTimeOffset.UtcNow;
        string[] couponTypeIds = ["market-10-50", "market-20-100", "market-50-200", "dining-10-50", "fuel-20-200"];
        var stock = couponTypeIds.ToDictionary(id => id, _ => stockPerType);
        return new(
            Id: $"bench-{Guid.NewGuid():N}",
            Name: "bench",
            Description: null,
            TimeZone: "Asia/Shanghai",
            Regions: [RegionCode],
            MinLeverage: 4,
            Funds: [new("county", 1_000m * stockPerType)],
            CouponTypes:
            [
                new("market-10-50", "supermarket", 10, 50, null, false, shards),
                new("market-20-100", "supermarket", 20, 100, null, false),
                new("market-50-200", "supermarket", 50, 200, null, false),
                new("dining-10-50", "dining", 10, 50, null, false),
                new("fuel-20-200", "fuel", 20, 200, null, false),
            ],
            Limits: [new(LimitPeriod.Phase, LimitGrouping.Industry, 1, null)],
            Rounds:
            [
                new("p1", "1", "county", now.AddMinutes(-1), now.AddDays(7), new(null, null, true), stock),
                new("p2", "2", "county", now.AddDays(14), now.AddDays(21), new(null, null, true), stock),
            ],
            Blacklist: null);
    }

    /// <summary>Creates an <see cref="Open"/> campaign in the silo; blocking, for BenchmarkDotNet's void iteration setups.</summary>
    public static CampaignDefinition Create(BenchSilo silo, int stockPerType, int? shards = null)
    {
        var campaign = Open(stockPerType, shards);
        var creation = silo.Grains.GetGrain<ICampaignGrain>(campaign.Id).CreateAsync(campaign).GetAwaiter().GetResult();
        return creation.Result == CampaignCreationResult.Created
            ? creation.Campaign!.Definition
            : throw new InvalidOperationException($"Campaign not created: {creation.Result} {string.Join("; ", creation.Violations.Select(v => $"{v.Path} {v.Code}"))}");
    }
}
