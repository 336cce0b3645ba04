using Claims.Contracts.Claims;

namespace Claims.Contracts.Tests;

public class CouponIdsTests
{
    [Fact]
    public void ACouponIdLeadsBackToItsPool()
    {
        var id = CouponIds.Format("lushan-2023", "p1", "market-10-50", 3500);

        Assert.True(CouponIds.TryParse(id, out var address));
        Assert.Equal(("lushan-2023.p1.market-10-50.3500", "lushan-2023/p1/market-10-50", 3500), (id, address.PoolKey, address.Sequence));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lushan-2023.p1.market-10-50")]
    [InlineData("lushan-2023.p1.market-10-50.0")]
    [InlineData("lushan-2023.p1.market-10-50.-1")]
    [InlineData("lushan-2023.p1.market-10-50.1.2")]
    [InlineData("Lushan.p1.market-10-50.1")]
    [InlineData("lushan/2023.p1.market-10-50.1")]
    [InlineData("lushan-2023.p1.market-10-50.99999999999")]
    public void MalformedCouponIdsNameNoPool(string? id) => Assert.False(CouponIds.TryParse(id, out _));
}
