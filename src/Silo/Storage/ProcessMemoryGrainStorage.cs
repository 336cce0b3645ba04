using System.Collections.Concurrent;
using Orleans.Storage;

namespace Claims.Silo.Storage;

/// <summary>
/// Grain state held in this process for the <see cref="StorageProvider.Memory"/> mode. Orleans'
/// own memory storage keeps state in storage grains, which costs a grain call per write; a
/// single-process run needs none of that. State is stored serialized, as a real store would hold
/// it, so a grain never sees changes it did not write.
/// </summary>
internal sealed class ProcessMemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), Row> _rows = new();
    private long _versions;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = serializer.Deserialize<T>(row.Data);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var written = new Row(serializer.Serialize(grainState.State), Interlocked.Increment(ref _versions).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var stored = _rows.TryGetValue(key, out var current)
            ? current.ETag == grainState.ETag && _rows.TryUpdate(key, written, current)
            : grainState.ETag is null && _rows.TryAdd(key, written);
        if (!stored)
        {
            throw new InconsistentStateException($"Version conflict writing {stateName} of {grainId}.", current?.ETag ?? "", grainState.ETag ?? "");
        }

        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private sealed record Row(BinaryData Data, string ETag);
}
