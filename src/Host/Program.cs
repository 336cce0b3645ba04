using Claims.Api;
using Claims.Silo;

if (await SchemaCommand.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddClaimsCluster();
builder.AddClaimsApi();

var app = builder.Build();
app.MapClaimsApi();
app.Run();

public partial class Program;
