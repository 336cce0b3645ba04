namespace Claims.Silo.Storage;

/// <summary>
/// Lets one of this process's writers at a time into the SQLite file. SQLite takes one writer at a
/// time anyway, and one that finds the file locked sleeps a millisecond and more before it looks
/// again: a pool's write that met a ledger commit that way stalled every claim queued behind it.
/// Waiting here instead hands the file over the moment the last writer is done.
/// </summary>
internal sealed class SqliteWriterGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WriteAsync(Func<Task> write)
    {
        await _gate.WaitAsync();
        try
        {
            await write();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Write(Action write)
    {
        _gate.Wait();
        try
        {
            write();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
