using Claims.Api;
using Claims.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddClaimsSilo();
builder.AddClaimsApi();

var app = builder.Build();
app.MapClaimsApi();
app.Run();

public partial class Program;
