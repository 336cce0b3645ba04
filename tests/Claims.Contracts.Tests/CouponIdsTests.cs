using Claims.Contracts.Claims;

namespace Claims.Contracts.Tests;

public class CouponIdsTests
{
    [Fact]
    public void ACouponIdLeadsBackToItsPool()
    {
        var id = CouponIds.Format("lushan-2023", "p1", "market-10-50", shard: null, 3500);

        Assert.True(CouponIds.TryParse(id, out var address));
        Assert.Equal(("lushan-2023.p1.market-10-50.3500", "lushan-2023/p1/market-10-50", 3500), (id, address.PoolKey, address.Sequence));
    }

    [Fact]
    public void ACouponIdFromAPoolShardLeadsBackToTheShard()
    {
        var id = CouponIds.Format("lushan-2023", "p1", "market-10-50", shard: 3, 12);

        Assert.True(CouponIds.TryParse(id, out var address));
        Assert.Equal(("lushan-2023.p1.market-10-50.3.12", "lushan-2023/p1/market-10-50/3", 12), (id, address.PoolKey, address.Sequence));
        Assert.Equal(("lushan-2023", "p1", "market-10-50", (int?)3), GrainKeys.ParsePool(address.PoolKey));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lushan-2023.p1.market-10-50")]
    [InlineData("lushan-2023.p1.market-10-50.0")]
    [InlineData("lushan-2023.p1.market-10-50.-1")]
    [InlineData("lushan-2023.p1.market-10-50.1.2.3")]
    [InlineData("lushan-2023.p1.market-10-50.16.2")]
    [InlineData("lushan-2023.p1.market-10-50.-1.2")]
    [InlineData("lushan-2023.p1.market-10-50.1.0")]
    [InlineData("Lushan.p1.market-10-50.1")]
    [InlineData("lushan/2023.p1.market-10-50.1")]
    [InlineData("lushan-2023.p1.market-10-50.99999999999")]
    public void MalformedCouponIdsNameNoPool(string? id) => Assert.False(CouponIds.TryParse(id, out _));
}
