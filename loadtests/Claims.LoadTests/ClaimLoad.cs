using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Claims.LoadTests;

/// <summary>One claim per resident against the HTTP API, <see cref="LoadOptions.Concurrency"/> at a time.</summary>
public sealed class ClaimLoad(HttpClient http, LoadOptions options)
{
    public async Task<string[]> MintTokensAsync(CancellationToken cancellationToken)
    {
        var tokens = new string[options.Residents];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Residents), Parallelism(cancellationToken), async (i, ct) =>
            tokens[i] = await http.GetStringAsync($"dev/token?sub={Uri.EscapeDataString(ResidentId(i))}&role=resident", ct));
        return tokens;
    }

    public async Task<LoadReport> ClaimAllAsync(string[] tokens, CancellationToken cancellationToken)
    {
        var report = new LoadReport();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, tokens.Length), Parallelism(cancellationToken), async (i, ct) =>
        {
            var start = Stopwatch.GetTimestamp();
            var outcome = await ClaimAsync(i, tokens[i], ct);
            report.Record(outcome, Stopwatch.GetElapsedTime(start));
        });
        report.Elapsed = Stopwatch.GetElapsedTime(started);
        return report;
    }

    private async Task<string> ClaimAsync(int resident, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"campaigns/{Uri.EscapeDataString(options.CampaignId)}/claims")
        {
            Content = JsonContent.Create(new ClaimBody(options.CouponTypeId, options.RegionCode)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // One key per resident and run: a retried run of the same prefix replays instead of claiming again.
        request.Headers.Add("Idempotency-Key", $"{ResidentId(resident)}-claim");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            return status == 409 ? $"409 {await ProblemCodeAsync(response, cancellationToken)}" : status.ToString();
        }
        catch (HttpRequestException exception)
        {
            return $"error {exception.HttpRequestError}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "error timeout";
        }
    }

    private static async Task<string> ProblemCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var problem = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() ?? "(null code)" : "(no code)";
        }
        catch (JsonException)
        {
            return "(not problem details)";
        }
    }

    private string ResidentId(int resident) => $"{options.ResidentPrefix}-{resident:D6}";

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };
}
