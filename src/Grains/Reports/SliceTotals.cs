namespace Claims.Grains.Reports;

/// <summary>
/// The report's figures sliced by a key (a day, a region) while the ledger is read: claims with
/// the residents who made them, and redemptions net of refunds, reversals and rejections.
/// </summary>
internal sealed class SliceTotals<TKey>(IComparer<TKey> order)
    where TKey : notnull
{
    private readonly SortedDictionary<TKey, Slice> _slices = new(order);

    public void Claim(TKey key, Coupon coupon)
    {
        var slice = SliceOf(key);
        slice.Claimed++;
        slice.ClaimedValue += coupon.FaceValue;
        slice.Residents.Add(coupon.OwnerId);
    }

    /// <summary>A redemption, or with negative amounts a refund, reversal or rejection.</summary>
    public void Redeem(TKey key, int count, decimal discount, decimal orderAmount)
    {
        var slice = SliceOf(key);
        slice.Redeemed += count;
        slice.RedeemedValue += discount;
        slice.OrderTotal += orderAmount;
    }

    public IReadOnlyList<T> Select<T>(Func<TKey, Slice, T> line) => [.. _slices.Select(s => line(s.Key, s.Value))];

    private Slice SliceOf(TKey key)
    {
        if (!_slices.TryGetValue(key, out var slice))
        {
            _slices[key] = slice = new Slice();
        }

        return slice;
    }

    internal sealed class Slice
    {
        public int Claimed { get; set; }

        public decimal ClaimedValue { get; set; }

        public HashSet<string> Residents { get; } = new(StringComparer.Ordinal);

        public int Redeemed { get; set; }

        public decimal RedeemedValue { get; set; }

        public decimal OrderTotal { get; set; }
    }
}
