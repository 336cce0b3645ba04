using Claims.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Claims.Silo.Tests;

public sealed class SqliteReminderTableTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"claims-reminders-{Guid.NewGuid():N}");
    private readonly SqliteReminderTable _table;

    public SqliteReminderTableTests()
    {
        var storage = new ClaimsStorageOptions { DataDirectory = _directory };
        SqliteSchema.Apply(storage.SqlitePath);
        _table = new SqliteReminderTable(Options.Create(new ClusterOptions { ServiceId = "claims" }), Options.Create(storage));
    }

    [Fact]
    public async Task AReminderIsStoredReadBackAndUpdatedWithANewVersion()
    {
        var campaign = GrainId.Create("campaign", "lushan-2023");
        var start = new DateTime(2023, 12, 11, 2, 0, 0, DateTimeKind.Utc);

        var first = await _table.UpsertRow(Entry(campaign, start));
        var second = await _table.UpsertRow(Entry(campaign, start.AddMinutes(1)));
        var read = await _table.ReadRow(campaign, "lifecycle");

        Assert.NotEqual(first, second);
        Assert.Equal((start.AddMinutes(1), TimeSpan.FromMinutes(1), second), (read!.StartAt, read.Period, read.ETag));
        Assert.Single((await _table.ReadRows(campaign)).Reminders);
        Assert.Null(await _table.ReadRow(campaign, "other"));
    }

    [Fact]
    public async Task RemovalNeedsTheCurrentVersion()
    {
        var campaign = GrainId.Create("campaign", "zhumadian-2023");
        var stale = await _table.UpsertRow(Entry(campaign, DateTime.UtcNow));
        var current = await _table.UpsertRow(Entry(campaign, DateTime.UtcNow));

        Assert.False(await _table.RemoveRow(campaign, "lifecycle", stale!));
        Assert.True(await _table.RemoveRow(campaign, "lifecycle", current!));
        Assert.Null(await _table.ReadRow(campaign, "lifecycle"));
    }

    [Fact]
    public async Task HashRangesCoverTheRingIncludingTheWrap()
    {
        var grains = Enumerable.Range(0, 50).Select(i => GrainId.Create("campaign", $"c-{i}")).ToList();
        foreach (var grain in grains)
        {
            await _table.UpsertRow(Entry(grain, DateTime.UtcNow));
        }

        var middle = grains.Select(g => g.GetUniformHashCode()).Order().ElementAt(25);
        var low = (await _table.ReadRows(0, middle)).Reminders.Count;
        var wrapped = (await _table.ReadRows(middle, 0)).Reminders.Count;

        Assert.Equal(50, low + wrapped);
        Assert.Equal(50, (await _table.ReadRows(middle, middle)).Reminders.Count);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static ReminderEntry Entry(GrainId grain, DateTime start) =>
        new() { GrainId = grain, ReminderName = "lifecycle", StartAt = start, Period = TimeSpan.FromMinutes(1) };
}
