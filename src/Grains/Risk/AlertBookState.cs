using Claims.Contracts.Risk;

namespace Claims.Grains.Risk;

[GenerateSerializer, Alias("claims.alert-book-state")]
public sealed class AlertBookState
{
    /// <summary>Oldest first.</summary>
    [Id(0)]
    public List<RiskAlert> Alerts { get; set; } = [];
}
