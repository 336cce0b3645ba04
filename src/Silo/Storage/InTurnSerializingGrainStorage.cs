using Orleans.Storage;

namespace Claims.Silo.Storage;

/// <summary>
/// Grain storage that turns a grain's state into bytes when the grain's write reaches it, which is
/// in one of the grain's turns, and only then hands it to the store. Orleans' ADO.NET provider
/// serializes the state after it has opened a connection; on PostgreSQL that is another thread,
/// while a reentrant pool goes on granting, and it met a grant list growing under it.
/// </summary>
internal sealed class InTurnSerializingGrainStorage(IGrainStorage store, IGrainStorageSerializer serializer)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        store.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var serialized = new GrainState<SerializedState>(new SerializedState(serializer.Serialize(grainState.State)), grainState.ETag)
        {
            RecordExists = grainState.RecordExists,
        };
        await store.WriteStateAsync(stateName, grainId, serialized);
        grainState.ETag = serialized.ETag;
        grainState.RecordExists = serialized.RecordExists;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        store.ClearStateAsync(stateName, grainId, grainState);

    // The store sets itself up (its queries, its connection) in the silo's lifecycle.
    public void Participate(ISiloLifecycle lifecycle) => (store as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
