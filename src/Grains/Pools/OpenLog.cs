namespace Claims.Grains.Pools;

/// <summary>
/// An append-only log kept in a pool's state: the entries not yet sealed into pages, and how many
/// pages and entries were sealed before them.
/// </summary>
[GenerateSerializer, Alias("claims.open-log`1")]
public sealed class OpenLog<T>
{
    [Id(0)]
    public List<T> Open { get; set; } = [];

    [Id(1)]
    public int SealedPages { get; set; }

    [Id(2)]
    public int SealedItems { get; set; }

    public int Count => SealedItems + Open.Count;

    /// <summary>The full pages at the front of <see cref="Open"/>, ready to seal.</summary>
    public List<List<T>> FullPages() =>
        [.. Enumerable.Range(0, Open.Count / PagedLog<T>.PageSize).Select(i => Open.GetRange(i * PagedLog<T>.PageSize, PagedLog<T>.PageSize))];

    /// <summary>
    /// Records <paramref name="pages"/> pages as sealed. Entries appended meanwhile sit behind
    /// them, so removing their count from the front removes exactly the sealed entries.
    /// </summary>
    public void Sealed(int pages)
    {
        Open.RemoveRange(0, pages * PagedLog<T>.PageSize);
        SealedPages += pages;
        SealedItems += pages * PagedLog<T>.PageSize;
    }
}
