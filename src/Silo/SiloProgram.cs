namespace Claims.Silo;

/// <summary>
/// A silo without the HTTP API, for deployments that run API nodes separately. A named entry
/// class rather than top-level statements: the ASP.NET Core framework the dashboard brings in
/// would otherwise make this a public <c>Program</c> beside the API's.
/// </summary>
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        if (await SchemaCommand.TryRunAsync(args))
        {
            return;
        }

        var builder = Host.CreateApplicationBuilder(args);
        builder.AddClaimsSilo();
        await builder.Build().RunAsync();
    }
}
