namespace Claims.Contracts.Draws;

/// <summary>
/// The draw of one draw round (key <c>{campaignId}/{roundId}</c>): it keeps the seed, publishes its
/// hash, and at the round's opening ranks each type's registrants (<see cref="DrawRanking"/>) and
/// claims a coupon for each winner through the quota grains and pools, with the request key
/// <c>draw:{roundId}</c>, so a draw run again after a crash gets the same coupons and no more.
/// </summary>
public interface IDrawGrain : IGrainWithStringKey
{
    /// <summary>The draw as it stands; null when the round is not a draw.</summary>
    [AlwaysInterleave]
    Task<DrawView?> GetAsync();

    /// <summary>Runs the draw if the round has opened and it has not run; answers it as it stands.</summary>
    Task<DrawView?> RunAsync();
}
