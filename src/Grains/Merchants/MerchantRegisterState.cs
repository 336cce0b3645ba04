namespace Claims.Grains.Merchants;

[GenerateSerializer, Alias("claims.merchant-register-state")]
public sealed class MerchantRegisterState
{
    [Id(0)]
    public SortedDictionary<string, Merchant> Merchants { get; set; } = new(StringComparer.Ordinal);
}
