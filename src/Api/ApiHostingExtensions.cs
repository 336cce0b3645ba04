using Claims.Api.Admin;
using Claims.Api.Auth;
using Claims.Api.Campaigns;
using Claims.Api.Claims;
using Claims.Api.Docs;
using Claims.Api.Draws;
using Claims.Api.Merchants;
using Claims.Api.Operators;
using Claims.Api.Problems;
using Claims.Api.Redemptions;
using Claims.Api.Risk;
using Claims.Api.Samples;
using Claims.Client.Admission;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Dashboard;

namespace Claims.Api;

public static class ApiHostingExtensions
{
    /// <summary>Largest request body accepted; the biggest campaign definitions are a few tens of KB.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    /// <summary>The longest any request may take; the dashboard's log stream alone is exempt.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static IHostApplicationBuilder AddClaimsApi(this IHostApplicationBuilder builder)
    {
        builder.AddClaimsAuth();
        builder.AddClaimsApiDocs();
        builder.Services.Configure<JsonOptions>(o =>
        {
            CampaignJson.Configure(o.SerializerOptions);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ClaimsJsonContext.Default);
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            o.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            o.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });

        // A request that outlives every grain call's own timeout is stuck: answer it 503 and let go.
        builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new() { Timeout = RequestTimeout, TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            var code = context.HttpContext.Items[ProblemCodes.ItemKey] as string ?? ProblemCodes.ForStatus(status);
            context.ProblemDetails.Extensions.TryAdd("code", code);
        });
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddHealthChecks()
            .AddCheck<GrainsHealthCheck>("grains", tags: ["ready"])
            .AddCheck<MembershipHealthCheck>("membership", tags: ["ready"]);
        builder.Services.TryAddSingleton<CampaignDirectory>();
        builder.Services.TryAddSingleton<ClaimDispatcher>();
        builder.Services.TryAddSingleton<ProcessAdmission>();
        builder.Services.TryAddSingleton<ClaimAdmission>();
        builder.Services.TryAddSingleton<ClaimLog>();
        builder.Services.AddCheckedOptions<SampleOptions>(SampleOptions.Section);
        builder.Services.AddHostedService<SampleLoader>();
        builder.Services.AddCheckedOptions<WarmUpOptions>(WarmUpOptions.Section);
        builder.Services.AddHostedService<ClaimPathWarmUp>();
        return builder;
    }

    public static WebApplication MapClaimsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestTimeouts();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapCampaignsApi();
        app.MapClaimEndpoints();
        app.MapAdminCampaignsApi();
        app.MapAdminStockApi();
        app.MapAdminMemberListsApi();
        app.MapDrawsApi();
        app.MapAdminReportsApi();
        app.MapAdminMerchantsApi();
        app.MapRedemptionsApi();
        app.MapAdminReversalsApi();
        app.MapAdminReviewsApi();
        app.MapAdminAlertsApi();
        app.MapOperatorLoginApi();
        app.MapOperatorPages();
        app.MapClaimsApiDocs();
        app.MapOrleansDashboard("/dashboard").RequireAuthorization(Roles.Operator).DisableRequestTimeout();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevTokensApi();
        }

        return app;
    }
}
