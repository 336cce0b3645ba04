using Claims.Contracts.Reports;

namespace Claims.Grains.Reports;

/// <summary>Compares what the ledger says with what the pools count and what the settlement pays.</summary>
public static class ReconciliationBuilder
{
    public static Reconciliation Build(CampaignDefinition campaign, CampaignReport report, Settlement settlement, IReadOnlyList<PoolStock> pools, DateTimeOffset now)
    {
        var differences = new List<ReconciliationDifference>();
        var checks = 0;
        void Compare(string fund, string? roundId, string? couponTypeId, string measure, decimal ledger, decimal other)
        {
            checks++;
            if (ledger != other)
            {
                differences.Add(new(fund, roundId, couponTypeId, measure, ledger, other, ledger - other));
            }
        }

        foreach (var line in report.Lines)
        {
            var pool = pools.Single(p => p.RoundId == line.RoundId && p.CouponTypeId == line.CouponTypeId);
            Compare(line.Fund, line.RoundId, line.CouponTypeId, "granted", line.Claimed, pool.Granted);
            Compare(line.Fund, line.RoundId, line.CouponTypeId, "redeemed", line.Redeemed - line.Refunded - line.Reversed - line.Rejected, pool.Redeemed);
            Compare(line.Fund, line.RoundId, line.CouponTypeId, "expired", line.Expired, pool.Expired);
            Compare(line.Fund, line.RoundId, line.CouponTypeId, "rolledIn", line.RolledIn, pool.RolledIn);
            Compare(line.Fund, line.RoundId, line.CouponTypeId, "rolledOver", line.RolledOver, pool.RolledOut);
            Compare(line.Fund, line.RoundId, line.CouponTypeId, "returnedToFund", line.ReturnedToFund, pool.ReturnedToFund);
        }

        // A co-funded round's money is split per order, to the fen: its funds are checked together,
        // in the campaign's total, and every other fund on its own.
        static decimal Net(ReportLine l) => l.RedeemedValue - l.RefundedValue - l.ReversedValue - l.RejectedValue;
        var coFunders = campaign.Rounds.Where(r => r.CoFunding is not null).SelectMany(r => r.Payers().Select(s => s.Fund)).ToHashSet(StringComparer.Ordinal);
        foreach (var fund in settlement.Funds.Where(f => !coFunders.Contains(f.Fund)))
        {
            Compare(fund.Fund, null, null, "paid", report.Lines.Where(l => l.Fund == fund.Fund).Sum(Net), fund.Paid + fund.Held + fund.InReview);
        }

        if (coFunders.Count > 0)
        {
            Compare("*", null, null, "paid", report.Lines.Sum(Net), settlement.Funds.Sum(f => f.Paid + f.Held + f.InReview));
        }

        return new(report.CampaignId, now, checks, differences);
    }
}
