using Orleans.Storage;

namespace Claims.Grains.Pools;

/// <summary>
/// Where a pool keeps copies of its folded journal: a grain storage row beside the journal. A copy
/// holds only appended entries, so any copy, however old, plus the journal after it is the pool;
/// a copy that fails to store, or one that an older activation stores over a newer one, costs the
/// next activation a longer read and nothing else. Copies are serialized and written off the
/// pool's turn, one at a time.
/// </summary>
internal sealed partial class PoolSnapshotStore(IGrainStorage storage, GrainId poolId, ILogger logger)
{
    private const string StateName = "pool-snapshot";

    private readonly GrainState<PoolSnapshot> _row = new(new PoolSnapshot());
    private Task _writing = Task.CompletedTask;

    public async Task<PoolSnapshot> ReadAsync()
    {
        await storage.ReadStateAsync(StateName, poolId, _row);
        return _row.State ?? new PoolSnapshot();
    }

    /// <summary>Starts storing <paramref name="copy"/> unless a copy is being stored; false when one is.</summary>
    public bool TryWrite(PoolSnapshot copy)
    {
        if (!_writing.IsCompleted)
        {
            return false;
        }

        _writing = Task.Run(() => WriteAsync(copy));
        return true;
    }

    private async Task WriteAsync(PoolSnapshot copy)
    {
        try
        {
            _row.State = copy;
            await storage.WriteStateAsync(StateName, poolId, _row);
        }
        catch (Exception exception)
        {
            LogWriteFailed(exception, poolId.ToString(), copy.Version);
            try
            {
                // Another activation stored a copy meanwhile: take its version tag for the next try.
                var current = new GrainState<PoolSnapshot>(new PoolSnapshot());
                await storage.ReadStateAsync(StateName, poolId, current);
                _row.ETag = current.ETag;
                _row.RecordExists = current.RecordExists;
            }
            catch (Exception reread)
            {
                LogWriteFailed(reread, poolId.ToString(), copy.Version);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a snapshot of pool {PoolId} at version {Version} failed; its journal has every entry")]
    private partial void LogWriteFailed(Exception exception, string poolId, int version);
}
