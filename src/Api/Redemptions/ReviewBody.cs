namespace Claims.Api.Redemptions;

/// <summary>An operator's note on a review decision: required for a rejection, which the resident and the merchant are told.</summary>
public sealed record ReviewBody(string? Reason)
{
    public const int MaxReasonLength = 500;

    public bool IsValid => Reason is null || (Reason.Length <= MaxReasonLength && !string.IsNullOrWhiteSpace(Reason) && !Reason.Any(char.IsControl));
}
