namespace Claims.Contracts.Campaigns;

/// <summary>
/// A campaign, keyed by its id: holds the validated definition and whether it is paused. Pools and
/// quota grains read the definition when they activate; a pause is pushed to every pool, and
/// a reminder drives the rounds' expiry and rollover.
/// </summary>
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>Validates and stores a definition; the same definition sent again is accepted as a retry.</summary>
    Task<CampaignCreation> CreateAsync(CampaignDefinition definition);

    /// <summary>The campaign, or null when no campaign has this id.</summary>
    [AlwaysInterleave]
    Task<CampaignSnapshot?> GetAsync();

    /// <summary>Stops claims in every pool of the campaign until <see cref="ResumeAsync"/>; null when unknown.</summary>
    Task<CampaignSnapshot?> PauseAsync();

    /// <summary>Lets claims through again; null when unknown.</summary>
    Task<CampaignSnapshot?> ResumeAsync();

    /// <summary>
    /// Replaces the counts of the coupon types named in a round that has not opened, keeping the
    /// round's total value: the late move of money between industries within one fund.
    /// </summary>
    Task<StockReallocation> ReallocateAsync(string roundId, IReadOnlyDictionary<string, int> stock);

    /// <summary>
    /// Adds residents to the campaign's blacklist and takes others off it (001, 003: 黑名单), in
    /// the ledger; every node refuses or admits them once its copy of the campaign is refreshed,
    /// within seconds. Coupons already granted stay granted. Null when the campaign is unknown.
    /// </summary>
    Task<CampaignSnapshot?> ChangeBlacklistAsync(IReadOnlyList<string> add, IReadOnlyList<string> remove);

    /// <summary>
    /// Adds a round, or replaces one that has not opened (its dates, stock, fund or validity), as
    /// Zhumadian sets its later periods from redemption data. Neither the old nor the new round
    /// may open within the reallocation cut-off; the campaign with it is validated as creation is
    /// (funds, leverage, overlaps). Stored and in the ledger, then told to every pool of the
    /// campaign, whose rollover targets may change with it.
    /// </summary>
    Task<RoundRevision> ReviseRoundAsync(RoundDefinition round);

    /// <summary>
    /// Extends a round's validity to <paramref name="until"/>, open or not: every coupon of the
    /// round still valid now, and every one granted later, is valid at least until then (coupons
    /// already lapsed stay expired, their value passed on). Validated, stored and in the ledger as
    /// a revision of the round, then told to every pool.
    /// </summary>
    Task<RoundRevision> ExtendValidityAsync(string roundId, DateTimeOffset until);

    /// <summary>
    /// Routes what each coupon type of the round leaves unclaimed at its close into another type
    /// of the next round paid the same way, value for value (001: 发放后期…打破行业界限); an empty
    /// map sends each type's leftover to its own type again. Refused once the round has closed;
    /// validated, stored and in the ledger as a revision of the round, then told to every pool.
    /// </summary>
    Task<RoundRevision> RouteRolloverAsync(string roundId, IReadOnlyDictionary<string, string> into);

    /// <summary>
    /// Has every pool of the rounds that have opened expire what is due, close when its round is
    /// over, and pass on what left it. The campaign's reminder calls it, so expiry and rollover
    /// happen with nobody calling; it stops once the last coupon can no longer be valid.
    /// </summary>
    Task TickAsync();
}
