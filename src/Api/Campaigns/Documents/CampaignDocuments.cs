namespace Claims.Api.Campaigns.Documents;

/// <summary>The one mapping between the API's campaign documents and stored campaign definitions.</summary>
public static class CampaignDocuments
{
    public static CampaignDefinition ToDefinition(this CampaignDocument document) => new(
        document.Id,
        document.Name,
        document.Description,
        document.TimeZone,
        document.Regions,
        document.MinLeverage,
        [.. document.Funds.Select(f => new FundDefinition(f.Id, f.Amount))],
        [.. document.CouponTypes.Select(t => new CouponTypeDefinition(t.Id, t.Industry, t.FaceValue, t.MinSpend, t.MaxSpend, t.ListOnly, t.Shards, t.MerchantRequires, t.ReviewDocuments, t.MemberList, t.StoredValue))],
        document.Limits?.Select(l => new LimitDefinition(l.Per, l.GroupBy, l.Max, l.Industries)).ToList(),
        [.. document.Rounds.Select(ToDefinition)],
        document.Blacklist,
        document.RefundPolicy,
        document.QuotaShards,
        document.BusinessHours is { } hours ? new BusinessHoursDefinition(hours.Opens, hours.Closes) : null,
        document.LimitsFreedBy?.ToArray(),
        document.LimitsKeyedBy);

    public static RoundDefinition ToDefinition(this RoundDocument r) =>
        new(r.Id, r.Phase, r.Fund, r.OpensAt, r.ClosesAt, new ValidityDefinition(r.Validity.Days, r.Validity.Until, r.Validity.RoundClose, r.Validity.Extensions?.Select(e => new ValidityExtension(e.At, e.Until)).ToArray()), r.Stock, r.CoFunding?.Select(s => new FundShare(s.Fund, s.Share)).ToArray(), r.RollInto, r.Draw is { } draw ? new DrawDefinition(draw.RegistersFrom) : null);

    public static CampaignDocument ToDocument(this CampaignDefinition definition) => new(
        definition.Id,
        definition.Name,
        definition.Description,
        definition.TimeZone,
        definition.Regions,
        definition.MinLeverage,
        [.. definition.Funds.Select(f => new FundDocument(f.Id, f.Amount))],
        [.. definition.CouponTypes.Select(t => new CouponTypeDocument(t.Id, t.Industry, t.FaceValue, t.MinSpend, t.MaxSpend, t.ListOnly, t.Shards, t.MerchantRequires, t.ReviewDocuments, t.MemberList, t.StoredValue))],
        definition.Limits?.Select(l => new LimitDocument(l.Per, l.GroupBy, l.Max, l.Industries)).ToList(),
        [.. definition.Rounds.Select(r => new RoundDocument(
            r.Id, r.Phase, r.Fund, r.OpensAt, r.ClosesAt, new ValidityDocument(r.Validity.Days, r.Validity.Until, r.Validity.RoundClose, r.Validity.Extensions?.Select(e => new ValidityExtensionDocument(e.At, e.Until)).ToArray()), r.Stock, r.CoFunding?.Select(s => new FundShareDocument(s.Fund, s.Share)).ToArray(), r.RollInto, r.Draw is { } draw ? new DrawDocument(draw.RegistersFrom) : null))],
        definition.Blacklist,
        definition.RefundPolicy,
        definition.QuotaShardCount,
        definition.BusinessHours is { } hours ? new BusinessHoursDocument(hours.Opens, hours.Closes) : null,
        definition.LimitsFreedBy,
        definition.LimitsKeyedBy);
}
