namespace Claims.Contracts.Campaigns;

/// <summary>The period over which a limit counts a resident's claims.</summary>
public enum LimitPeriod
{
    Round,
    Phase,
    Campaign,
}
