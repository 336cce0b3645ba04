namespace Claims.Api.Tests.Histories;

/// <summary>
/// The operations of a run, each one attempt recorded in the history: a resident's claim, and a
/// till's redemption and refund of the coupon it got (an order of <see cref="OrderAmount"/> at one merchant).
/// </summary>
public sealed class HistoryCalls(CampaignDefinition campaign, string merchantId)
{
    public const decimal OrderAmount = 60m;

    /// <summary>How long a client waits for an answer before it counts the attempt as uncertain.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public CampaignDefinition Campaign => campaign;

    public History History { get; } = new();

    public Task<Operation> ClaimAsync(ApiNode node, string resident, string key, string couponTypeId) =>
        History.SendAsync(OperationKind.Claim, resident, key, couponTypeId, node.Name, async ct =>
        {
            using var client = node.ClientFor(TestTokens.Resident(resident));
            return await client.ClaimAsync(campaign.Id, couponTypeId, idempotencyKey: key, cancellationToken: ct);
        }, Patience);

    public Task<Operation> RedeemAsync(ApiNode node, string resident, string orderId, string couponId) =>
        History.SendAsync(OperationKind.Redeem, resident, orderId, couponId, node.Name, async ct =>
        {
            using var till = node.ClientFor(TestTokens.Merchant(merchantId));
            return await till.RedeemAsync(couponId, resident, orderId, OrderAmount, cancellationToken: ct);
        }, Patience);

    public Task<Operation> RefundAsync(ApiNode node, string resident, string orderId, string couponId) =>
        History.SendAsync(OperationKind.Refund, resident, orderId, couponId, node.Name, async ct =>
        {
            using var till = node.ClientFor(TestTokens.Merchant(merchantId));
            return await till.RefundAsync(orderId, ct);
        }, Patience);

    /// <summary>The same operation again, with the same key, as a client that did not get its answer would.</summary>
    public Task<Operation> ResendAsync(ApiNode node, Operation operation) => operation.Kind switch
    {
        OperationKind.Claim => ClaimAsync(node, operation.Resident, operation.Key, operation.Subject),
        OperationKind.Redeem => RedeemAsync(node, operation.Resident, operation.Key, operation.Subject),
        _ => RefundAsync(node, operation.Resident, operation.Key, operation.Subject),
    };

    /// <summary>Sends until a final answer, first to <paramref name="first"/> then to <paramref name="fallback"/>, for up to two minutes.</summary>
    public async Task<Operation> UntilFinalAsync(Func<ApiNode, Task<Operation>> send, ApiNode first, ApiNode fallback)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        for (var attempt = 0; ; attempt++)
        {
            var operation = await send(attempt == 0 ? first : fallback);
            if (operation.IsFinal || DateTime.UtcNow > deadline)
            {
                return operation;
            }

            await Task.Delay(operation.Status == 429 ? 1000 : 500);
        }
    }
}
