namespace Claims.Contracts.Campaigns;

/// <summary>How the cluster gets ready for a round's opening (configuration section <c>WarmUp</c>).</summary>
public sealed class WarmUpOptions : ICheckedOptions
{
    public const string Section = "WarmUp";

    /// <summary>
    /// How long before a round opens its pools and the campaign's quota grains are activated
    /// (the quota grains reading the round's pools then), and every API node runs
    /// <see cref="Claims"/> claims through its own claim path. At least the campaign's tick
    /// period (<c>Lifecycle:TickPeriod</c>), so a tick falls within it.
    /// </summary>
    public TimeSpan Lead { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Claims each API node sends itself for a round about to open (refused, since it has not):
    /// enough calls of the claim path for the runtime to compile it optimised before the rush
    /// rather than during it. Zero turns this part off.
    /// </summary>
    public int Claims { get; set; } = 5000;

    public IEnumerable<string> Problems()
    {
        if (Lead <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(Lead)} must be longer than zero, not {Lead}.";
        }

        if (Claims < 0)
        {
            yield return $"{Section}:{nameof(Claims)} must be 0 or more, not {Claims}.";
        }
    }
}
