using Claims.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Claims.Silo.Tests;

public sealed class InTurnSerializingGrainStorageTests
{
    private static readonly GrainId Pool = GrainId.Create("pool", "lushan-2023/p1/market-10-50");
    private readonly ClaimsStateSerializer _serializer = new(
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    [Fact]
    public async Task TheStateIsTakenWhenTheWriteIsCalledNotWhenTheStoreGetsToIt()
    {
        // A store like the ADO.NET provider: it serializes only once its connection is open.
        var store = new SlowStore(_serializer);
        var storage = new InTurnSerializingGrainStorage(store, _serializer);
        List<int> grants = [1, 2, 3];
        var state = new GrainState<List<int>>(grants, "7") { RecordExists = true };

        var write = storage.WriteStateAsync("pool", Pool, state);
        grants.Add(4);
        store.Open.SetResult();
        await write;

        Assert.Equal([1, 2, 3], _serializer.Deserialize<List<int>>(store.Written!));
        Assert.Equal(("8", true), (state.ETag, state.RecordExists));
    }

    [Fact]
    public async Task ReadsGoToTheStoreAsTheyAre()
    {
        var store = new SlowStore(_serializer);
        store.Open.SetResult();
        var storage = new InTurnSerializingGrainStorage(store, _serializer);
        await storage.WriteStateAsync("pool", Pool, new GrainState<List<int>>([5]));

        var read = new GrainState<List<int>>([]);
        await storage.ReadStateAsync("pool", Pool, read);

        Assert.Equal([5], read.State);
    }

    private sealed class SlowStore(IGrainStorageSerializer serializer) : IGrainStorage
    {
        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public BinaryData? Written { get; private set; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            grainState.State = serializer.Deserialize<T>(Written!)!;
            return Task.CompletedTask;
        }

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await Open.Task;
            Written = serializer.Serialize(grainState.State);
            grainState.ETag = ((int.TryParse(grainState.ETag, out var version) ? version : 0) + 1).ToString();
            grainState.RecordExists = true;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }
}
