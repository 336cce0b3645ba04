namespace Claims.Contracts.Merchants;

/// <summary>Whether a merchant may redeem coupons.</summary>
public enum MerchantStatus
{
    /// <summary>Registered, waiting for an operator's approval.</summary>
    Pending,

    Approved,

    /// <summary>Stopped by an operator (fraud, a complaint); reinstating approves it again.</summary>
    Suspended,

    /// <summary>Banned for good (the seeds' 失信/黑名单): never reinstated.</summary>
    Banned,
}
