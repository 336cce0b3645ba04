using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Claims.Api.Tests;

/// <summary>
/// The system's Chromium (Debian's package; nothing is downloaded) in headless mode, driven over
/// the DevTools protocol: one page, navigated and read by evaluating script in it.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _page = new();
    private int _nextId;

    private HeadlessChromium(Process process, DirectoryInfo profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The browser to run: <c>CLAIMS_TEST_CHROMIUM</c>, else <c>chromium</c> on the path (scripts/test.sh installs it).</summary>
    public static string Executable => Environment.GetEnvironmentVariable("CLAIMS_TEST_CHROMIUM") is { Length: > 0 } path ? path : "chromium";

    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("claims-chromium-");
        var process = Process.Start(new ProcessStartInfo(Executable, ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}", "about:blank"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new HeadlessChromium(process, profile);

        // Chromium writes the port it chose into the profile once it listens.
        var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            await Task.Delay(50, cancellationToken);
        }

        var port = File.ReadAllLines(portFile)[0];
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list", cancellationToken))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await browser._page.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), cancellationToken);
        return browser;
    }

    public async Task NavigateAsync(Uri url, CancellationToken cancellationToken)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, cancellationToken);
        await UntilAsync("document.readyState === 'complete' && location.href !== 'about:blank'", cancellationToken);
    }

    /// <summary>The value of a script expression (awaited if it is a promise), as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var answer = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, cancellationToken);
        return answer["result"]?["value"]?.DeepClone();
    }

    /// <summary>Waits until a script condition holds in the page, evaluating it every 100 ms until the test is cancelled.</summary>
    public async Task UntilAsync(string condition, CancellationToken cancellationToken)
    {
        while ((await EvaluateAsync($"!!({condition})", cancellationToken))?.GetValue<bool>() != true)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _page.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file the browser still held leaves a temp folder behind.
        }
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _page.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _page.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            // Events arrive between answers; only the answer to this command ends the wait.
            var node = JsonNode.Parse(message.ToArray())!;
            if ((int?)node["id"] == id)
            {
                return node["error"] is { } error ? throw new InvalidOperationException($"{method}: {error.ToJsonString()}") : node["result"]!;
            }
        }
    }
}
