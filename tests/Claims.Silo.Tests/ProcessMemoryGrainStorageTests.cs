using Claims.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Claims.Silo.Tests;

public sealed class ProcessMemoryGrainStorageTests
{
    private static readonly GrainId Pool = GrainId.Create("pool", "lushan-2023/p1/market-10-50");
    private readonly ProcessMemoryGrainStorage _storage = new(new OrleansGrainStorageSerializer(
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>()));

    [Fact]
    public async Task WrittenStateIsReadBackAsACopy()
    {
        List<int> grants = [1, 2, 3];
        var written = new GrainState<List<int>>(grants);
        await _storage.WriteStateAsync("pool", Pool, written);
        grants.Add(4);

        var read = new GrainState<List<int>>([]);
        await _storage.ReadStateAsync("pool", Pool, read);

        Assert.Equal([1, 2, 3], read.State);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteWithAStaleVersionIsRefusedAndChangesNothing()
    {
        var first = new GrainState<List<int>>([1]);
        await _storage.WriteStateAsync("pool", Pool, first);
        var stale = new GrainState<List<int>>([9]) { ETag = null };

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("pool", Pool, stale));

        var read = new GrainState<List<int>>([]);
        await _storage.ReadStateAsync("pool", Pool, read);
        Assert.Equal([1], read.State);
    }

    [Fact]
    public async Task StateNamesKeepRowsApart()
    {
        await _storage.WriteStateAsync("pool", Pool, new GrainState<List<int>>([1]));
        await _storage.WriteStateAsync("pool-page-0", Pool, new GrainState<List<int>>([2]));

        var page = new GrainState<List<int>>([]);
        await _storage.ReadStateAsync("pool-page-0", Pool, page);

        Assert.Equal([2], page.State);
    }
}
