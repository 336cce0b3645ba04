namespace Claims.Contracts.Campaigns;

/// <summary>
/// Whom a campaign's limits count: each account, or each verified person (the token's <c>pid</c>
/// claim), so that two accounts of one person share one quota.
/// </summary>
public enum LimitHolder
{
    Account,
    Person,
}
