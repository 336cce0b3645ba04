namespace Claims.Api.Tests.Faults;

/// <summary>
/// A small filesystem of the test's own (tmpfs of a few MiB) that the test can fill to the last
/// byte and free again, as a disk filling up with logs does. Needs root; without it the test is skipped.
/// </summary>
public sealed class SmallFilesystem : IAsyncDisposable
{
    private readonly DirectoryInfo _mount;

    private SmallFilesystem(DirectoryInfo mount) => _mount = mount;

    public string Path => _mount.FullName;

    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static async Task<SmallFilesystem> MountAsync(int mebibytes)
    {
        Assert.SkipUnless(Command.RunningAsRoot, "Mounting a filesystem needs root.");
        var mount = Directory.CreateTempSubdirectory("claims-disk-");
        await Command.RunAsync("mount", "-t", "tmpfs", "-o", $"size={mebibytes}m", "tmpfs", mount.FullName);
        return new(mount);
    }

    /// <summary>Writes a file until the filesystem has no byte left.</summary>
    public async Task FillAsync()
    {
        var block = new byte[64 * 1024];
        await using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                await filler.WriteAsync(block);
            }
        }
        catch (IOException)
        {
            // No space left on the device: full, as meant.
        }

        // What would not fit in a whole block still fits byte by byte.
        try
        {
            while (true)
            {
                await filler.WriteAsync(block.AsMemory(0, 1));
            }
        }
        catch (IOException)
        {
        }
    }

    public void Free() => File.Delete(Filler);

    public async ValueTask DisposeAsync()
    {
        await Command.RunAsync("umount", "--lazy", Path);
        _mount.Delete(recursive: true);
    }
}
