using Claims.Grains.Events;

namespace Claims.Silo.Tests;

public sealed class ProcessMemoryLedgerTests
{
    [Fact]
    public Task PoolJournalsTakeEachVersionOnceAndReadBackInOrder() => JournalChecks.EachVersionIsTakenOnceAndReadsBackInOrderAsync(new ProcessMemoryLedger());
}
