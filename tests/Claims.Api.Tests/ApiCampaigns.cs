namespace Claims.Api.Tests;

/// <summary>A small Lushan-like campaign with a fresh id, its first round open now.</summary>
public static class ApiCampaigns
{
    public static CampaignDefinition Open(int stock = 100, DateTimeOffset? opensAt = null)
    {
        var opens = opensAt ?? DateTimeOffset.UtcNow.AddHours(-1);
        return new(
            Id: $"api-{Guid.NewGuid():N}"[..20],
            Name: "鲁山县测试",
            Description: null,
            TimeZone: "Asia/Shanghai",
            Regions: ["410423"],
            MinLeverage: 4,
            Funds: [new("county", 1_000_000)],
            CouponTypes:
            [
                new("market-10-50", "supermarket", 10, 50, null, false),
                new("market-20-100", "supermarket", 20, 100, null, false),
                new("dining-10-50", "dining", 10, 50, null, false),
                new("love-1000", "any", 1000, 0, null, true),
            ],
            Limits: [new(LimitPeriod.Phase, LimitGrouping.Industry, 1, null)],
            Rounds:
            [
                new("p1", "1", "county", opens, opens.AddDays(2), new(7, null, false), new Dictionary<string, int>
                {
                    ["market-10-50"] = stock,
                    ["market-20-100"] = stock,
                    ["dining-10-50"] = stock,
                    ["love-1000"] = 10,
                }),
            ],
            Blacklist: ["cheater"]);
    }
}
