using Claims.Silo;

// A silo without the HTTP API, for deployments that run API nodes separately.
if (await SchemaCommand.TryRunAsync(args))
{
    return;
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddClaimsSilo();
await builder.Build().RunAsync();
