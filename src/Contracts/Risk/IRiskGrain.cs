namespace Claims.Contracts.Risk;

/// <summary>
/// Risk control for one merchant (key: the merchant id): sliding windows over its redemptions
/// that raise an alert when a pattern of cash-out or fake orders appears, at most once per
/// pattern and window.
/// </summary>
public interface IRiskGrain : IGrainWithStringKey
{
    /// <summary>Takes in one redemption. One-way: a till's answer never waits for risk control.</summary>
    [OneWay]
    Task ObserveAsync(RedemptionSeen redemption);
}
