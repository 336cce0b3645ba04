using System.Text.Json;
using Claims.Api.Campaigns.Documents;

namespace Claims.Api.Samples;

/// <summary>Creates the sample campaigns when the process starts, if asked to.</summary>
public sealed partial class SampleLoader(IOptions<SampleOptions> options, IGrainFactory grains, TimeProvider time, ILogger<SampleLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var samples = options.Value;
        if (!samples.Load)
        {
            return;
        }

        foreach (var file in Directory.GetFiles(samples.Directory, "*.json").Order(StringComparer.Ordinal))
        {
            var definition = (JsonSerializer.Deserialize<CampaignDocument>(await File.ReadAllTextAsync(file, cancellationToken), CampaignJson.Options)
                ?? throw new JsonException($"{file} holds no campaign.")).ToDefinition();
            if (samples.OpenNow)
            {
                var firstOpening = definition.Rounds.Min(r => r.OpensAt);
                definition = definition.ShiftSchedule(time.GetUtcNow() - firstOpening);
            }

            var creation = await grains.GetGrain<ICampaignGrain>(definition.Id).CreateAsync(definition);
            LogLoaded(definition.Id, file, creation.Result);
            foreach (var violation in creation.Violations)
            {
                LogViolation(definition.Id, violation.Path, violation.Code, violation.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample {CampaignId} from {File}: {Result}")]
    private partial void LogLoaded(string campaignId, string file, CampaignCreationResult result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sample {CampaignId}: {Path} {Code}: {Message}")]
    private partial void LogViolation(string campaignId, string path, string code, string message);
}
