namespace Claims.Api.Tests.Histories;

/// <summary>The fault a <see cref="PlantedFaultApi"/> commits, for the checks that must catch it.</summary>
public enum PlantedFault
{
    /// <summary>None: it keeps every invariant.</summary>
    None,

    /// <summary>It grants every claim whatever the stock, and reports truthfully that it did.</summary>
    GrantsPastStock,

    /// <summary>Its second grant goes out under the first grant's coupon id.</summary>
    GrantsOneCouponTwice,

    /// <summary>It answers its second grant 201 and never stores it: not in the wallet, the pool's count or the ledger.</summary>
    LosesAGrant,
}
