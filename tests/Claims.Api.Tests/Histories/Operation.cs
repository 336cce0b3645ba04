namespace Claims.Api.Tests.Histories;

/// <summary>What a client asked of Claims.</summary>
public enum OperationKind
{
    /// <summary>A resident's claim; its key is the Idempotency-Key, its subject the coupon type.</summary>
    Claim,

    /// <summary>A till's redemption; its key is the order id, its subject the coupon.</summary>
    Redeem,

    /// <summary>A till's refund of an order; its key is the order id, its subject the coupon.</summary>
    Refund,
}

/// <summary>What a client can conclude from an answer.</summary>
public enum OperationOutcome
{
    /// <summary>Done: 200 or 201.</summary>
    Done,

    /// <summary>Refused for good, with a problem code (sold out, over a limit, already redeemed...).</summary>
    Refused,

    /// <summary>The client cannot tell whether it happened: 429, 5xx, a timeout or a broken connection.</summary>
    Uncertain,
}

/// <summary>
/// One attempt as the client saw it: who asked what, under which key, through which node, when it
/// was sent and answered, and the answer (status 0 when none came, and whether it said when to retry).
/// </summary>
public sealed record Operation(
    OperationKind Kind,
    string Resident,
    string Key,
    string Subject,
    string Node,
    DateTimeOffset Sent,
    DateTimeOffset Answered,
    int Status,
    string? Code,
    string? CouponId,
    string? Error,
    bool RetryAfter = false)
{
    public OperationOutcome Outcome => Status switch
    {
        200 or 201 => OperationOutcome.Done,
        429 or 0 or >= 500 => OperationOutcome.Uncertain,
        _ => OperationOutcome.Refused,
    };

    public bool IsFinal => Outcome != OperationOutcome.Uncertain;
}
