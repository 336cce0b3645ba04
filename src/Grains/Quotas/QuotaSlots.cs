namespace Claims.Grains.Quotas;

/// <summary>Which residents' slots a quota grain serves: the inverse of <see cref="QuotaShards.GrainOf"/>.</summary>
public static class QuotaSlots
{
    /// <summary>The slots quota grain <paramref name="grain"/> of <paramref name="grains"/> serves.</summary>
    public static IReadOnlyList<int> Of(int grain, int grains) => [.. Enumerable.Range(0, QuotaShards.Count / grains).Select(i => grain + (i * grains))];
}
