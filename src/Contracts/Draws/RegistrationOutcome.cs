using Claims.Contracts.Claims;

namespace Claims.Contracts.Draws;

/// <summary>A registration stored (or found from before), or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("claims.registration-outcome")]
public sealed record RegistrationOutcome(
    [property: Id(0)] Registration? Registration,
    [property: Id(1)] ClaimRefusal? Refusal)
{
    public static RegistrationOutcome Refused(ClaimRefusal refusal) => new(null, refusal);
}
