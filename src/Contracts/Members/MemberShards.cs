namespace Claims.Contracts.Members;

/// <summary>
/// A member list is spread over <see cref="Count"/> shard grains by the residents' quota slot, so
/// a list of a million members is sixteen grains of some sixty thousand ids each, and the claims
/// of a members-only rush are spread over sixteen grains rather than one.
/// </summary>
public static class MemberShards
{
    public const int Count = 16;

    public static int Of(string userId) => QuotaShards.Of(userId) % Count;

    public static string List(string campaignId, string listId) => $"{campaignId}/{listId}";

    public static (string CampaignId, string ListId) ParseList(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }

    public static string Shard(string campaignId, string listId, int shard) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{campaignId}/{listId}/{shard}");

    public static string ShardOf(string campaignId, string listId, string userId) => Shard(campaignId, listId, Of(userId));
}
