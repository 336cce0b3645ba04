namespace Claims.Contracts.Campaigns;

/// <summary>The scope of a quota grain: an industry, or every industry when a limit counts across them.</summary>
public static class QuotaScope
{
    public const string All = "*";
}
