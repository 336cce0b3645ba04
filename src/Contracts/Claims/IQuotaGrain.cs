namespace Claims.Contracts.Claims;

/// <summary>
/// The claims of the residents of one shard (<see cref="QuotaShards"/>) in one campaign and scope
/// (an industry, or <c>*</c> when a limit counts across industries), key from
/// <see cref="GrainKeys.Quota(string, string, int)"/>. It enforces the campaign's limits, one claim of a resident at a
/// time, and asks the pool for stock. It keeps nothing on disk: a new activation reads its
/// residents' grants back from the pools before deciding anything.
/// </summary>
public interface IQuotaGrain : IGrainWithStringKey
{
    /// <summary>
    /// Claims a coupon for each resident (or returns the coupon an earlier claim with the same
    /// request key obtained), answering in the order asked. Each claim is decided as if it came
    /// alone; the API's dispatcher sends several at once to save calls in the rush. If
    /// deciding one fails, the call fails, and each caller retries with its own request key.
    /// </summary>
    Task<IReadOnlyList<ClaimOutcome>> ClaimAsync(IReadOnlyList<ResidentClaim> claims);

    /// <summary>
    /// Registers each resident for the draw round of the coupon type taking registrations, when
    /// they are eligible and could hold one more coupon of it under the limits now.
    /// </summary>
    Task<IReadOnlyList<Draws.RegistrationOutcome>> RegisterAsync(IReadOnlyList<ResidentClaim> claims);

    /// <summary>
    /// Reads its residents' grants from every pool of its scope in the rounds opening by
    /// <paramref name="opensAt"/>, ahead of the opening, so the rush's first claims do not wait
    /// for the reads (a pool that has not opened has granted nothing, and its fence holds from now).
    /// </summary>
    Task PrepareAsync(DateTimeOffset opensAt);
}
