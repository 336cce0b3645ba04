using System.Text.Json;
using System.Text.Json.Serialization;

namespace Claims.Contracts.Campaigns;

/// <summary>The JSON form of campaign definitions and of every API body: camelCase, enums as camelCase strings, numbers only as numbers.</summary>
public static class CampaignJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

        // A typo'd or repeated field in a campaign file must not silently drop a limit or a stock line.
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = true;

        // The web defaults read "60" as sixty; money and stock sent as strings are a client's
        // bug (or a probe), refused as malformed like any other wrong type.
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }

    public static CampaignDefinition Parse(string json) =>
        JsonSerializer.Deserialize<CampaignDefinition>(json, Options)
        ?? throw new JsonException("A campaign definition must be a JSON object.");
}
