using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class GrainKeysTests
{
    [Theory]
    [InlineData("resident-1")]
    [InlineData("alipay/2088102/abc")]
    [InlineData("/leading")]
    [InlineData("trailing/")]
    [InlineData("张三")]
    public void QuotaKeyNamesTheResidentsShardWhateverTheUserIdHolds(string userId)
    {
        var key = GrainKeys.Quota("lushan-2023", userId, "supermarket", grains: 8);

        Assert.Equal(("lushan-2023", "supermarket", QuotaShards.Of(userId) % 8), GrainKeys.ParseQuota(key));
    }

    [Fact]
    public void QuotaKeyRoundTripsTheCrossIndustryScope()
    {
        var key = GrainKeys.Quota("gaoping-2022", "unionpay/6217", QuotaScope.All, QuotaShards.Count);

        Assert.Equal(("gaoping-2022", QuotaScope.All, QuotaShards.Of("unionpay/6217")), GrainKeys.ParseQuota(key));
    }

    [Fact]
    public void ShardsAreStableAndSpreadResidents()
    {
        // Pinned values: pools and quota grains in different processes and versions must agree.
        Assert.Equal(15, QuotaShards.Of("resident-1"));
        Assert.Equal(59, QuotaShards.Of("张三"));
        var counts = Enumerable.Range(0, 64_000).GroupBy(i => QuotaShards.Of($"resident-{i}")).Select(g => g.Count()).ToList();

        Assert.Equal(QuotaShards.Count, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, 700, 1300));
    }

    [Fact]
    public void PoolKeyRoundTrips()
    {
        var key = GrainKeys.Pool("lushan-2023", "p1", "market-10-50");

        Assert.Equal("lushan-2023/p1/market-10-50", key);
        Assert.Equal(("lushan-2023", "p1", "market-10-50", (int?)null), GrainKeys.ParsePool(key));
    }
}
