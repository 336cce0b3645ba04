using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class SampleCampaignTests
{
    public static TheoryData<string> SampleNames
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var name in SampleFiles.Names)
            {
                names.Add(name);
            }

            return names;
        }
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void SampleParsesAndValidatesWithoutViolations(string name)
    {
        var definition = SampleFiles.Parse(name);

        Assert.Empty(CampaignValidator.Validate(definition));
    }

    [Theory]
    [InlineData("p1", 32_400, 700_000)]
    [InlineData("p2", 13_600, 300_000)]
    public void LushanRoundHoldsTheSeedsCouponsAndMoney(string roundId, int coupons, int yuan)
    {
        var lushan = SampleFiles.Parse("lushan-2023.json");

        var round = Assert.Single(lushan.Rounds, r => r.Id == roundId);

        Assert.Equal(coupons, round.Stock.Values.Sum());
        Assert.Equal<decimal>(yuan, round.Stock.Sum(s => s.Value * lushan.FindCouponType(s.Key)!.FaceValue));
    }

    [Fact]
    public void LushanRoundsSpendTheWholeCountyFund()
    {
        var lushan = SampleFiles.Parse("lushan-2023.json");

        var fund = Assert.Single(lushan.Funds);
        var issued = lushan.Rounds.Sum(r => r.Stock.Sum(s => s.Value * lushan.FindCouponType(s.Key)!.FaceValue));

        Assert.Equal(1_000_000m, fund.Amount);
        Assert.Equal(fund.Amount, issued);
    }
}
