using System.Reflection;
using System.Text.Json;
using Claims.Api.Campaigns.Documents;

namespace Claims.Api.Tests;

/// <summary>The API's campaign document and the stored definition carry the same campaign, field for field.</summary>
public sealed class CampaignDocumentTests
{
    public static TheoryData<string> Samples => [.. Directory.GetFiles(SamplesFolder(), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void ASampleReadAsADocumentIsStoredAndShownWithEveryFieldItHad(string sample)
    {
        var text = File.ReadAllText(Path.Combine(SamplesFolder(), sample));
        var document = JsonSerializer.Deserialize<CampaignDocument>(text, CampaignJson.Options)!;

        var stored = document.ToDefinition();
        var shown = stored.ToDocument();

        Assert.Equal(JsonSerializer.Serialize(document, CampaignJson.Options), JsonSerializer.Serialize(shown, CampaignJson.Options));
        Assert.Equal(JsonSerializer.Serialize(CampaignJson.Parse(text), CampaignJson.Options), JsonSerializer.Serialize(stored, CampaignJson.Options));
    }

    public static string SamplesFolder() =>
        Path.Combine(typeof(CampaignDocumentTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SourceRoot").Value!, "..", "samples");
}
