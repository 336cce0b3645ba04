namespace Claims.Api.Tests.Histories;

/// <summary>A node clients send to: its name in the history, and an HTTP client for a token.</summary>
public sealed record ApiNode(string Name, Func<string, HttpClient> ClientFor)
{
    public static ApiNode Of(ClaimsProcess process) => new(process.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), process.ClientFor);
}
