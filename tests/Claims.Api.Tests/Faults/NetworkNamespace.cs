namespace Claims.Api.Tests.Faults;

/// <summary>
/// A network namespace of the test's own, joined to the machine's by a veth pair: a node started
/// inside reaches the machine (PostgreSQL, the other node) and is reached by it only through that
/// link, so cutting the link partitions the node from everything, as a failed switch port does.
/// Needs root; without it the test is skipped.
/// </summary>
public sealed class NetworkNamespace : IAsyncDisposable
{
    private readonly string _outerLink;

    private NetworkNamespace(int subnet)
    {
        Name = $"claims-test-{subnet}";
        _outerLink = $"claims{subnet}o";
        OuterAddress = $"10.213.{subnet}.1";
        InnerAddress = $"10.213.{subnet}.2";
    }

    public string Name { get; }

    /// <summary>The machine's end of the link: where a node inside reaches the machine.</summary>
    public string OuterAddress { get; }

    /// <summary>The namespace's end of the link: where the machine reaches a node inside.</summary>
    public string InnerAddress { get; }

    public static async Task<NetworkNamespace> CreateAsync()
    {
        Assert.SkipUnless(Command.RunningAsRoot, "Network namespaces need root.");
        var network = new NetworkNamespace(Random.Shared.Next(1, 250));
        var innerLink = $"{network._outerLink[..^1]}i";
        await Command.RunAsync("ip", "netns", "add", network.Name);
        await Command.RunAsync("ip", "link", "add", network._outerLink, "type", "veth", "peer", "name", innerLink);
        await Command.RunAsync("ip", "link", "set", innerLink, "netns", network.Name);
        await Command.RunAsync("ip", "addr", "add", $"{network.OuterAddress}/30", "dev", network._outerLink);
        await Command.RunAsync("ip", "link", "set", network._outerLink, "up");
        await network.InsideAsync("ip", "addr", "add", $"{network.InnerAddress}/30", "dev", innerLink);
        await network.InsideAsync("ip", "link", "set", innerLink, "up");
        await network.InsideAsync("ip", "link", "set", "lo", "up");
        return network;
    }

    /// <summary>The command line that runs <paramref name="command"/> inside this namespace.</summary>
    public string[] Wrap(string command, params string[] arguments) => ["ip", "netns", "exec", Name, command, .. arguments];

    /// <summary>Cuts the link: packets between the namespace and the machine are lost.</summary>
    public Task CutAsync() => Command.RunAsync("ip", "link", "set", _outerLink, "down");

    public Task HealAsync() => Command.RunAsync("ip", "link", "set", _outerLink, "up");

    public async ValueTask DisposeAsync()
    {
        // Deleting the namespace deletes its end of the pair, and with it the machine's.
        await Command.RunAsync("ip", "netns", "del", Name);
    }

    private Task InsideAsync(string command, params string[] arguments)
    {
        var line = Wrap(command, arguments);
        return Command.RunAsync(line[0], line[1..]);
    }
}
