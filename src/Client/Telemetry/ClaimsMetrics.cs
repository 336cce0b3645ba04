using System.Diagnostics.Metrics;
using Claims.Client.Board;

namespace Claims.Client.Telemetry;

/// <summary>
/// The meter <see cref="MeterName"/>: what operators watch in a rush. Claims granted and refused
/// by code, the time to a grant, redemptions and refunds by outcome, every pool's remaining stock
/// as last posted to this process's board, and the ledger writer's backlog (the outbox's lag).
/// Tags name only campaigns and coupon types this process knows, never raw input, so a caller
/// cannot mint new series.
/// </summary>
public sealed class ClaimsMetrics
{
    public const string MeterName = "Claims";

    private readonly Meter _meter;
    private readonly Counter<long> _granted;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _grantDuration;
    private readonly Counter<long> _redemptions;
    private readonly Counter<long> _refunds;
    private readonly List<Func<int>> _backlogs = [];

    public ClaimsMetrics(IMeterFactory meters, ProcessStockBoard board)
    {
        _meter = meters.Create(MeterName);
        _granted = _meter.CreateCounter<long>("claims.granted", "{claim}", "Claims answered with a coupon, replays included.");
        _refused = _meter.CreateCounter<long>("claims.refused", "{claim}", "Claims refused, by problem code.");
        _grantDuration = _meter.CreateHistogram<double>("claims.grant.duration", "ms", "From a claim's arrival at the API to its coupon.");
        _redemptions = _meter.CreateCounter<long>("claims.redemptions", "{order}", "Redemption answers, by outcome (redeemed or the refusal's code).");
        _refunds = _meter.CreateCounter<long>("claims.refunds", "{order}", "Refund answers, by outcome.");
        _meter.CreateObservableGauge(
            "claims.pool.remaining",
            () => board.Posts().Select(p => new Measurement<int>(p.Post.Remaining, new KeyValuePair<string, object?>("pool", p.PoolKey))),
            "{coupon}",
            "Coupons left to claim in each pool, as last posted to this process.");
        _meter.CreateObservableGauge(
            "claims.ledger.backlog",
            () => { lock (_backlogs) { return _backlogs.Sum(b => b()); } },
            "{batch}",
            "Batches of events and journal appends waiting for the ledger writer: how far the writer is behind the grains.");
    }

    /// <summary>Adds a ledger writer's queue to the backlog gauge.</summary>
    public void ObserveLedgerBacklog(Func<int> backlog)
    {
        lock (_backlogs)
        {
            _backlogs.Add(backlog);
        }
    }

    public void Granted(string campaignId, string couponTypeId, TimeSpan elapsed)
    {
        var tags = Tags(campaignId, couponTypeId);
        _granted.Add(1, tags);
        _grantDuration.Record(elapsed.TotalMilliseconds, tags);
    }

    /// <summary>A refused claim; the campaign and type are null when the claim was refused before either was known.</summary>
    public void Refused(string? campaignId, string? couponTypeId, string code)
    {
        var tags = Tags(campaignId, couponTypeId);
        tags.Add("code", code);
        _refused.Add(1, tags);
    }

    public void Redemption(string outcome) => _redemptions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Refund(string outcome) => _refunds.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private static System.Diagnostics.TagList Tags(string? campaignId, string? couponTypeId) => new()
    {
        { "campaign", campaignId ?? "" },
        { "coupon_type", couponTypeId ?? "" },
    };
}
