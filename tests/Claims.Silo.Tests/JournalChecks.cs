using Claims.Grains.Events;
using Claims.Grains.Pools;

namespace Claims.Silo.Tests;

/// <summary>What every ledger must do with pools' journals, checked the same way against each store.</summary>
internal static class JournalChecks
{
    // A whole pool and one shard of another whose key begins with the first's: their journals must not mix.
    private static readonly string[] Pools = ["lushan-2023/p1/market-10-50", "lushan-2023/p1/market-10-50/1", "lushan-2023/p1/dining-10-50"];

    private const int Versions = 25;

    /// <summary>
    /// Two activations of each pool race to append every version, each its own grant: exactly one
    /// append of each version is taken, and the journal reads back the winners in version order.
    /// </summary>
    public static async Task EachVersionIsTakenOnceAndReadsBackInOrderAsync(IPoolJournal journal)
    {
        using var start = new Barrier(Pools.Length * 2);
        var appended = await Task.WhenAll(
            from poolKey in Pools
            from activation in new[] { "a", "b" }
            select Task.Run(async () =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                var taken = new List<PoolAppended>();
                for (var version = 1; version <= Versions; version++)
                {
                    var append = Append(poolKey, version, $"{activation}-{version}");
                    if (await journal.AppendAsync(append))
                    {
                        taken.Add(append);
                    }
                }

                return taken;
            }));

        foreach (var poolKey in Pools)
        {
            var winners = appended.SelectMany(t => t).Where(a => a.PoolKey == poolKey).OrderBy(a => a.Version).ToList();
            Assert.Equal(Enumerable.Range(1, Versions), winners.Select(a => a.Version));

            var read = await journal.ReadAsync(poolKey, afterVersion: 0);
            Assert.Equal(winners.Select(Owner), read.Select(Owner));
            Assert.Equal(winners.Select(a => a.Version).Skip(20), (await journal.ReadAsync(poolKey, afterVersion: 20)).Select(a => a.Version));
        }

        Assert.Empty(await journal.ReadAsync("lushan-2023/p1/fuel-10-100", afterVersion: 0));
    }

    private static string Owner(PoolAppended append) => append.Grants.Single().OwnerId;

    private static PoolAppended Append(string poolKey, int version, string owner)
    {
        var at = new DateTimeOffset(2023, 12, 11, 10, 0, 0, TimeSpan.FromHours(8));
        return new PoolAppended
        {
            EventId = PoolAppended.EventIdOf(poolKey, version),
            OccurredAt = at,
            PoolKey = poolKey,
            Version = version,
            Grants = [new PoolGrant(version, owner, $"k:{owner}", at, at.AddDays(7))],
        };
    }
}
