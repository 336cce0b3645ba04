using Claims.Grains.Campaigns;
using Claims.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;

namespace Claims.Grains.Tests;

public sealed class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public ShiftedClock Clock { get; } = new();

    /// <summary>Every event the grains raised and every pool's journal, once each, as the ledger of <c>Memory</c> mode keeps them.</summary>
    public HoldingLedger Ledger { get; } = new();

    public InProcessTestCluster Cluster => _cluster!;

    public IGrainFactory Grains => Cluster.Client;

    public ClaimDispatcher Claims => field ??= new ClaimDispatcher(Grains, Clock);

    /// <summary>The campaigns as API nodes read them: stored, with the shards Claims chose.</summary>
    public CampaignDirectory Campaigns => field ??= new CampaignDirectory(Grains);

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Claims);
            silo.UseInMemoryReminderService();

            // Reminders tick every second, so a test can see expiry and rollover happen unbidden.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Configure<ClaimsLifecycleOptions>(o => o.TickPeriod = TimeSpan.FromSeconds(1));
            silo.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddSingleton<IClaimsEventSink>(Ledger);
            silo.Services.AddSingleton<ILedgerReader>(Ledger);
            silo.Services.AddSingleton<IPoolJournal>(Ledger);
            silo.Services.AddClaimsGrains();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    public async Task<CampaignDefinition> CreateAsync(CampaignDefinition definition)
    {
        var creation = await Grains.GetGrain<ICampaignGrain>(definition.Id).CreateAsync(definition);
        Assert.True(creation.Result == CampaignCreationResult.Created, string.Join("; ", creation.Violations.Select(v => $"{v.Path} {v.Code}")));
        return creation.Campaign!.Definition;
    }

    /// <summary>Claims the way API nodes do, through a dispatcher that gathers concurrent claims per quota grain.</summary>
    public async Task<ClaimOutcome> ClaimAsync(CampaignDefinition campaign, string userId, string couponTypeId, string? requestKey = null, string regionCode = "410423") =>
        await Claims.ClaimAsync((await Campaigns.FindRoutesAsync(campaign.Id))!, userId, new ClaimRequest(couponTypeId, regionCode, requestKey ?? Guid.NewGuid().ToString("N")));

    /// <summary>The pool's counts; a split pool's shards summed.</summary>
    public Task<PoolStock> StockAsync(CampaignDefinition campaign, string roundId, string couponTypeId) =>
        PoolStocks.ReadAsync(Grains, campaign, roundId, couponTypeId);

    /// <summary>Registers a merchant in the test region, approved unless told otherwise.</summary>
    public async Task<string> MerchantAsync(string[]? industries = null, string regionCode = "410423", bool approve = true)
    {
        var id = $"m-{Guid.NewGuid():N}";
        var merchant = Grains.GetGrain<IMerchantGrain>(id);
        Assert.True((await merchant.RegisterAsync(new("shop", industries ?? ["supermarket"], regionCode))).Applied);
        if (approve)
        {
            Assert.True((await merchant.ApproveAsync()).Applied);
        }

        return id;
    }

    public Task<RedemptionOutcome> RedeemAsync(string merchantId, string orderId, Coupon coupon, decimal orderAmount, string? userId = null, string regionCode = "410423") =>
        Grains.GetGrain<IOrderGrain>(GrainKeys.Order(merchantId, orderId)).RedeemAsync(new(coupon.CouponId, userId ?? coupon.OwnerId, orderAmount, regionCode));

    public async Task<RefundReceipt?> RefundAsync(string merchantId, string orderId) =>
        (await Grains.GetGrain<IOrderGrain>(GrainKeys.Order(merchantId, orderId)).RefundAsync())?.Receipt;

    public Task<ReversalOutcome?> ReverseAsync(string merchantId, string orderId) =>
        Grains.GetGrain<IOrderGrain>(GrainKeys.Order(merchantId, orderId)).ReverseAsync();

    public Task TickAsync(CampaignDefinition campaign) => Grains.GetGrain<ICampaignGrain>(campaign.Id).TickAsync();

    public async Task<Coupon> ClaimedAsync(CampaignDefinition campaign, string userId, string couponTypeId = "market-10-50") =>
        (await ClaimAsync(campaign, userId, couponTypeId)).Coupon ?? throw new InvalidOperationException($"{userId} got no {couponTypeId}.");

    /// <summary>The resident's coupons in the campaign, as the pools of the rounds opened so far hold them.</summary>
    public async Task<IReadOnlyList<Coupon>> WalletAsync(CampaignDefinition campaign, string userId)
    {
        var owned = await Task.WhenAll(
            from round in campaign.Rounds
            where round.OpensAt <= Clock.GetUtcNow()
            from couponTypeId in round.Stock.Keys
            select Grains.GetGrain<IPoolGrain>(campaign.PoolKeyFor(round.Id, couponTypeId, userId)).GetOwnedAsync(userId, null).AsTask());
        return [.. owned.SelectMany(c => c)];
    }
}
