using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class GrainKeysTests
{
    [Theory]
    [InlineData("resident-1")]
    [InlineData("alipay/2088102/abc")]
    [InlineData("/leading")]
    [InlineData("trailing/")]
    [InlineData("double//slash")]
    public void QuotaKeyRoundTripsTheUserId(string userId)
    {
        var key = GrainKeys.Quota("lushan-2023", userId, "supermarket");

        Assert.Equal(("lushan-2023", userId, "supermarket"), GrainKeys.ParseQuota(key));
    }

    [Fact]
    public void QuotaKeyRoundTripsTheCrossIndustryScope()
    {
        var key = GrainKeys.Quota("gaoping-2022", "unionpay/6217", QuotaScope.All);

        Assert.Equal(("gaoping-2022", "unionpay/6217", QuotaScope.All), GrainKeys.ParseQuota(key));
    }

    [Fact]
    public void PoolKeyRoundTrips()
    {
        var key = GrainKeys.Pool("lushan-2023", "p1", "market-10-50");

        Assert.Equal("lushan-2023/p1/market-10-50", key);
        Assert.Equal(("lushan-2023", "p1", "market-10-50"), GrainKeys.ParsePool(key));
    }
}
