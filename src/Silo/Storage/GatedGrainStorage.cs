using Orleans.Storage;

namespace Claims.Silo.Storage;

/// <summary>Grain storage on SQLite whose writes take turns through the process's <see cref="SqliteWriterGate"/>; reads do not wait.</summary>
internal sealed class GatedGrainStorage(IGrainStorage store, SqliteWriterGate gate) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        store.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        gate.WriteAsync(() => store.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        gate.WriteAsync(() => store.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle lifecycle) => (store as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
