using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public sealed class PoolShardsTests
{
    [Fact]
    public void EveryShardServesSomeQuotaShards() =>
        Assert.Equal(
            Enumerable.Range(0, PoolShards.Max),
            Enumerable.Range(0, QuotaShards.Count).Select(q => PoolShards.ServingQuotaShard(q, PoolShards.Max)).Distinct().Order());

    [Theory]
    [InlineData(0, false)]
    [InlineData(PoolShards.Max + 1, false)]
    [InlineData(2, true)]
    public void AShardCountOutOfRangeOrOnAListOnlyTypeIsRefused(int shards, bool listOnly)
    {
        var definition = CampaignBuilder.Valid() with { CouponTypes = [CampaignBuilder.CouponType with { Shards = shards, ListOnly = listOnly }] };

        Assert.Contains(CampaignValidator.Validate(definition), v => v is { Code: "invalid_shards", Path: "$.couponTypes[0].shards" });
    }

}
