using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Claims.Client.Telemetry;
using Claims.Contracts;

namespace Claims.Api.Tests;

/// <summary>Claims' meter counts what happened, and with an OTLP endpoint set, metrics and traces reach it.</summary>
public sealed class TelemetryTests(ClaimsApiFactory factory) : IClassFixture<ClaimsApiFactory>
{
    [Fact]
    public async Task GrantsRefusalsRedemptionsAndPoolStockAreMeasured()
    {
        var campaign = await factory.CreateCampaignAsync(ApiCampaigns.Open(stock: 1));
        var measured = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ClaimsMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => measured.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        using var winner = factory.ClientFor(TestTokens.Resident("first"));
        var couponId = await winner.ClaimedCouponIdAsync(campaign.Id);
        using var late = factory.ClientFor(TestTokens.Resident("late"));
        await late.ClaimAsync(campaign.Id, "market-10-50");
        using var admin = factory.ClientFor(TestTokens.Operator());
        using var till = factory.ClientFor(TestTokens.Merchant(await admin.ApprovedMerchantAsync()));
        await till.RedeemAsync(couponId, "first", "order-1", 60m);
        listener.RecordObservableInstruments();

        bool Ours(Dictionary<string, object?> tags) => Equals(tags.GetValueOrDefault("campaign"), campaign.Id);
        Assert.Contains(measured, m => m.Instrument == "claims.granted" && Ours(m.Tags) && Equals(m.Tags["coupon_type"], "market-10-50"));
        Assert.Contains(measured, m => m.Instrument == "claims.grant.duration" && Ours(m.Tags) && m.Value > 0);
        Assert.Contains(measured, m => m.Instrument == "claims.refused" && Ours(m.Tags) && Equals(m.Tags["code"], "sold_out"));
        Assert.Contains(measured, m => m.Instrument == "claims.redemptions" && Equals(m.Tags["outcome"], "redeemed"));
        Assert.Contains(measured, m => m.Instrument == "claims.pool.remaining" && Equals(m.Tags["pool"], GrainKeys.Pool(campaign.Id, "p1", "market-10-50")) && m.Value == 0);
        Assert.Contains(measured, m => m.Instrument == "claims.ledger.backlog");
    }

    [Fact]
    public async Task WithAnOtlpEndpointMetricsAndTracesAreExportedToIt()
    {
        var port = FreePort.Next();
        using var collector = new System.Net.HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        collector.Start();
        var received = new ConcurrentDictionary<string, int>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                var context = await collector.GetContextAsync();
                received.AddOrUpdate(context.Request.Url!.AbsolutePath, 1, (_, n) => n + 1);
                context.Response.StatusCode = 200;
                context.Response.Close();
                if (received.ContainsKey("/v1/metrics") && received.ContainsKey("/v1/traces"))
                {
                    both.TrySetResult();
                }
            }
        }, TestContext.Current.CancellationToken);

        await using var exporting = ClaimsApiFactory.With(new Dictionary<string, string>
        {
            ["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{port}",
            ["Telemetry:MetricExportInterval"] = "00:00:01",
        });
        var campaign = await exporting.CreateCampaignAsync(ApiCampaigns.Open());
        using var resident = exporting.ClientFor(TestTokens.Resident("traced"));
        await resident.ClaimedCouponIdAsync(campaign.Id);

        // The trace exporter sends its first batch within five seconds; thirty leave room for a slow machine.
        await both.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(received.ContainsKey("/v1/metrics") && received.ContainsKey("/v1/traces"));
    }
}
