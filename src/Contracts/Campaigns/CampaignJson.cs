using System.Text.Json;
using System.Text.Json.Serialization;

namespace Claims.Contracts.Campaigns;

/// <summary>The JSON form of campaign definitions: camelCase, enums as camelCase strings.</summary>
public static class CampaignJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    public static CampaignDefinition Parse(string json) =>
        JsonSerializer.Deserialize<CampaignDefinition>(json, Options)
        ?? throw new JsonException("A campaign definition must be a JSON object.");
}
