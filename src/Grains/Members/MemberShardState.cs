namespace Claims.Grains.Members;

[GenerateSerializer, Alias("claims.member-shard-state")]
public sealed class MemberShardState
{
    [Id(0)]
    public int Committed { get; set; }

    [Id(1)]
    public string[] Members { get; set; } = [];

    // Open uploads' ids for this shard, by upload and then by chunk.
    [Id(2)]
    public Dictionary<int, Dictionary<int, string[]>> Staged { get; set; } = [];
}
