using System.Text.RegularExpressions;
using Claims.Contracts.Claims;
using Claims.Contracts.Redemptions;

namespace Claims.Contracts.Campaigns;

/// <summary>
/// Checks a campaign definition against every rule at once, so an operator fixes a file in one pass.
/// Paths are JSON paths into the definition.
/// </summary>
public static partial class CampaignValidator
{
    /// <summary>Largest amount of money accepted anywhere, far above any real budget, so sums cannot overflow.</summary>
    public const decimal MaxMoney = 1_000_000_000_000m;

    public const int MaxStock = 100_000_000;

    public const int MaxValidityDays = 3650;

    /// <summary>Ids of campaigns, funds, coupon types, rounds and industries: they appear in grain keys and coupon ids.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Administrative division codes: province, city or county.</summary>
    public static bool IsValidRegionCode(string? code) => code is not null && RegionCodePattern().IsMatch(code);

    /// <summary>Resident ids (a token's <c>sub</c>): 1 to 128 printable characters.</summary>
    public static bool IsValidUserId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 128 && !id.Any(char.IsControl);

    /// <summary>An amount of money paid or spent: positive, whole fen, at most <see cref="MaxMoney"/>.</summary>
    public static bool IsValidAmount(decimal amount)
    {
        var valid = true;
        CheckMoney("", amount, (_, _, _) => valid = false, allowZero: false);
        return valid;
    }

    public static IReadOnlyList<Violation> Validate(CampaignDefinition definition)
    {
        var found = new List<Violation>();
        void Add(string path, string code, string message) => found.Add(new(path, code, message));

        CheckId("$.id", definition.Id, Add);
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            Add("$.name", "required", "A campaign needs a name.");
        }

        if (definition.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            Add("$.timeZone", "unknown_time_zone", $"'{zone}' is not an IANA time zone.");
        }

        CheckRegions(definition.Regions, Add);
        if (definition.MinLeverage is <= 0)
        {
            Add("$.minLeverage", "not_positive", "The leverage floor must be positive.");
        }

        if (definition.QuotaShardCount is { } quotaShards && !QuotaShards.IsValid(quotaShards))
        {
            Add("$.quotaShards", "invalid_quota_shards", $"A campaign has 1, 2, 4, ... up to {QuotaShards.Count} quota shards per scope.");
        }

        if (definition.LimitsFreedBy is { } freedBy
            && (freedBy.Any(s => s is not (CouponStatus.Void or CouponStatus.Expired)) || freedBy.Distinct().Count() != freedBy.Count))
        {
            Add("$.limitsFreedBy", "invalid_limits_freed_by", "Limits are freed by void (refunded or reversed) and expired coupons, each named once.");
        }

        var funds = CheckFunds(definition.Funds, Add);
        var couponTypes = CheckCouponTypes(definition, Add);
        CheckLimits(definition.Limits, couponTypes, Add);
        CheckRounds(definition.Rounds, funds, couponTypes, Add);
        CheckBudgets(definition, funds, couponTypes, Add);
        for (var i = 0; i < (definition.Blacklist?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(definition.Blacklist![i]))
            {
                Add($"$.blacklist[{i}]", "required", "A blacklist entry must name a resident.");
            }
        }

        return found;
    }

    private static void CheckRegions(IReadOnlyList<string>? regions, Action<string, string, string> add)
    {
        if (regions is null || regions.Count == 0)
        {
            add("$.regions", "required", "List the region codes whose residents may take part.");
            return;
        }

        for (var i = 0; i < regions.Count; i++)
        {
            if (!IsValidRegionCode(regions[i]))
            {
                add($"$.regions[{i}]", "invalid_region", "A region code is 2 to 12 digits.");
            }
        }
    }

    private static Dictionary<string, FundDefinition> CheckFunds(IReadOnlyList<FundDefinition>? funds, Action<string, string, string> add) =>
        CheckEach(funds, "$.funds", "fund", f => f.Id, add, (path, fund) =>
            CheckMoney($"{path}.amount", fund.Amount, add, allowZero: false));

    private static Dictionary<string, CouponTypeDefinition> CheckCouponTypes(CampaignDefinition definition, Action<string, string, string> add) =>
        CheckEach(definition.CouponTypes, "$.couponTypes", "coupon type", t => t.Id, add, (path, type) =>
        {
            CheckId($"{path}.industry", type.Industry, add);
            CheckMoney($"{path}.faceValue", type.FaceValue, add, allowZero: false);
            CheckMoney($"{path}.minSpend", type.MinSpend, add, allowZero: type.ListOnly || type.StoredValue);
            if (type.MaxSpend is { } max)
            {
                CheckMoney($"{path}.maxSpend", max, add, allowZero: false);
                if (max <= type.MinSpend)
                {
                    add($"{path}.maxSpend", "max_spend_not_above_min", "The price band's upper bound must be above its minimum spend.");
                }
            }

            for (var i = 0; i < (type.MerchantRequires?.Count ?? 0); i++)
            {
                CheckId($"{path}.merchantRequires[{i}]", type.MerchantRequires![i], add);
            }

            if (type.ReviewDocuments is { } documents
                && (documents.Count == 0 || documents.Distinct(StringComparer.Ordinal).Count() != documents.Count
                    || !documents.All(RedemptionDocuments.Names.Contains) || !documents.Contains(RedemptionDocuments.InvoiceNumberName)))
            {
                add($"{path}.reviewDocuments", "invalid_review_documents", $"A reviewed type names each document once, from {string.Join(", ", RedemptionDocuments.Names)}, and always {RedemptionDocuments.InvoiceNumberName}.");
            }

            if (type.StoredValue && (type.MaxSpend is not null || type.IsReviewed()))
            {
                add($"{path}.storedValue", "invalid_stored_value", "A stored-value type has no price band (maxSpend) and is not reviewed: each order takes what it can of the balance.");
            }

            if (type.MemberList is { } list && (!IsValidId(list) || type.ListOnly))
            {
                add($"{path}.memberList", "invalid_member_list", "A member list id is 1-64 characters of a-z, 0-9, '-' and '_', on a type residents claim (not list-only).");
            }

            if (type.Shards is { } shards && (shards < 1 || shards > PoolShards.Max || (type.ListOnly && shards != 1)))
            {
                add($"{path}.shards", "invalid_shards", $"A coupon type has 1 to {PoolShards.Max} pool shards; a list-only type has one.");
            }

            if (!type.ListOnly && !type.StoredValue && definition.MinLeverage is { } floor && type.FaceValue > 0 && type.FaceValue <= MaxMoney && type.MinSpend <= MaxMoney && type.Leverage < floor)
            {
                add(path, "leverage_below_floor", $"Leverage {type.Leverage:0.##} (min spend / face value) is below the campaign's floor of {floor}.");
            }
        });

    // The checks every list of identified entries shares: present, no null entry, valid and unique ids.
    private static Dictionary<string, T> CheckEach<T>(
        IReadOnlyList<T>? items,
        string listPath,
        string noun,
        Func<T, string?> idOf,
        Action<string, string, string> add,
        Action<string, T> check)
        where T : class
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        if (items is null || items.Count == 0)
        {
            add(listPath, "required", $"A campaign needs at least one {noun}.");
            return byId;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{listPath}[{i}]";
            if (items[i] is not { } item)
            {
                add(path, "required", $"A {noun} cannot be null.");
                continue;
            }

            var id = idOf(item);
            CheckId($"{path}.id", id, add);
            if (id is not null && !byId.TryAdd(id, item))
            {
                add($"{path}.id", "duplicate_id", $"The {noun} '{id}' is defined twice.");
            }

            check(path, item);
        }

        return byId;
    }

    private static void CheckLimits(IReadOnlyList<LimitDefinition>? limits, Dictionary<string, CouponTypeDefinition> couponTypes, Action<string, string, string> add)
    {
        var industries = couponTypes.Values.Select(t => t.Industry).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < (limits?.Count ?? 0); i++)
        {
            var path = $"$.limits[{i}]";
            var limit = limits![i];
            if (limit is null)
            {
                add(path, "required", "A limit cannot be null.");
                continue;
            }

            if (limit.Max <= 0)
            {
                add($"{path}.max", "not_positive", "A limit's maximum must be positive.");
            }

            for (var j = 0; j < (limit.Industries?.Count ?? 0); j++)
            {
                if (!industries.Contains(limit.Industries![j]))
                {
                    add($"{path}.industries[{j}]", "unknown_industry", $"No coupon type is of industry '{limit.Industries[j]}'.");
                }
            }
        }
    }

    private static void CheckRounds(
        IReadOnlyList<RoundDefinition>? rounds,
        Dictionary<string, FundDefinition> funds,
        Dictionary<string, CouponTypeDefinition> couponTypes,
        Action<string, string, string> add)
    {
        CheckEach(rounds, "$.rounds", "round", r => r.Id, add, (path, round) =>
        {
            if (round.Fund is null || !funds.ContainsKey(round.Fund))
            {
                add($"{path}.fund", "unknown_fund", $"Fund '{round.Fund}' is not defined.");
            }

            if (round.CoFunding is { } coFunding
                && (coFunding.Count < 2
                    || coFunding.Any(s => s?.Fund is null || !funds.ContainsKey(s.Fund) || s.Share is <= 0 or >= 1 || decimal.Round(s.Share, 4) != s.Share)
                    || coFunding.Select(s => s?.Fund).Distinct(StringComparer.Ordinal).Count() != coFunding.Count
                    || coFunding.Sum(s => s?.Share ?? 0) != 1
                    || coFunding.All(s => s?.Fund != round.Fund)))
            {
                add($"{path}.coFunding", "invalid_co_funding", "Co-funding names two or more defined funds, the round's own among them, each once, with shares above 0 of at most four decimals that add up to exactly 1.");
            }

            if (round.OpensAt == default)
            {
                add($"{path}.opensAt", "required", "A round needs an opening time.");
            }

            if (round.Draw is { } draw
                && (draw.RegistersFrom >= round.OpensAt || round.OpensAt - draw.RegistersFrom > TimeSpan.FromDays(366)
                    || round.Stock.Keys.Any(t => couponTypes.TryGetValue(t, out var type) && type.ListOnly)))
            {
                add($"{path}.draw", "invalid_draw", "A draw's registration opens before the round (at most a year before), and its coupon types are claimed ones, not list-only.");
            }

            if (round.ClosesAt <= round.OpensAt)
            {
                add($"{path}.closesAt", "round_closes_before_opening", "A round must close after it opens.");
            }

            CheckValidity($"{path}.validity", round, add);
            CheckStock(path, round, couponTypes, add);
            CheckRollInto(path, round, rounds!, couponTypes, add);
        });

        for (var i = 0; i < (rounds?.Count ?? 0); i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (round, other) = (rounds![i], rounds[j]);
                if (other?.Stock is null || round?.Stock is null || other.OpensAt >= round.ClosesAt || round.OpensAt >= other.ClosesAt)
                {
                    continue;
                }

                foreach (var shared in round.Stock.Keys.Intersect(other.Stock.Keys))
                {
                    add($"$.rounds[{i}]", "rounds_overlap", $"Round '{round.Id}' overlaps round '{other.Id}' for coupon type '{shared}'.");
                }
            }
        }
    }

    private static void CheckValidity(string path, RoundDefinition round, Action<string, string, string> add)
    {
        var validity = round.Validity;
        if (validity is null)
        {
            add(path, "required", "A round needs a validity: days, until or roundClose.");
            return;
        }

        var kinds = (validity.Days is null ? 0 : 1) + (validity.Until is null ? 0 : 1) + (validity.RoundClose ? 1 : 0);
        if (kinds != 1)
        {
            add(path, "invalid_validity", "Give exactly one of days, until or roundClose.");
        }

        if (validity.Days is <= 0)
        {
            add($"{path}.days", "not_positive", "Validity in days must be positive.");
        }

        if (validity.Days > MaxValidityDays)
        {
            add($"{path}.days", "too_large", $"Validity is at most {MaxValidityDays} days.");
        }

        for (var i = 0; i < (validity.Extensions?.Count ?? 0); i++)
        {
            var extension = validity.Extensions![i];
            if (extension.Until <= extension.At || extension.Until > round.OpensAt.AddDays(MaxValidityDays) || (i > 0 && extension.At < validity.Extensions[i - 1].At))
            {
                add($"{path}.extensions[{i}]", "invalid_extension", $"An extension ends after it was made, at most {MaxValidityDays} days after the round opens; extensions are in the order they were made.");
            }
        }

        // A coupon claimed just before the close must still be usable.
        if (validity.Until is { } until && until < round.ClosesAt)
        {
            add($"{path}.until", "validity_ends_before_close", "Coupons must stay valid until the round closes.");
        }
    }

    // Value crosses types only into a later round paid the same way: funds are never mixed.
    private static void CheckRollInto(string path, RoundDefinition round, IReadOnlyList<RoundDefinition> rounds, Dictionary<string, CouponTypeDefinition> couponTypes, Action<string, string, string> add)
    {
        foreach (var (from, into) in round.RollInto ?? new Dictionary<string, string>())
        {
            if (round.Stock?.ContainsKey(from) != true
                || !couponTypes.TryGetValue(into ?? "", out var type) || type.ListOnly
                || !rounds.Any(r => r?.Stock?.ContainsKey(into!) == true && r.OpensAt > round.OpensAt && r.Fund == round.Fund && r.PaidLike(round)))
            {
                add($"{path}.rollInto.{from}", "invalid_rollover", "A type of the round rolls into a claimable type of a later round paid by the same funds.");
            }
        }
    }

    private static void CheckStock(string path, RoundDefinition round, Dictionary<string, CouponTypeDefinition> couponTypes, Action<string, string, string> add)
    {
        if (round.Stock is null || round.Stock.Count == 0)
        {
            add($"{path}.stock", "required", "A round needs stock of at least one coupon type.");
            return;
        }

        foreach (var (couponTypeId, count) in round.Stock)
        {
            if (!couponTypes.ContainsKey(couponTypeId))
            {
                add($"{path}.stock.{couponTypeId}", "unknown_coupon_type", $"Coupon type '{couponTypeId}' is not defined.");
            }

            // Zero is a round fed only by what earlier rounds roll into it (002: later periods
            // follow from the redemption data, on the money the first left over).
            if (count < 0)
            {
                add($"{path}.stock.{couponTypeId}", "negative", "Stock must not be negative.");
            }

            if (count > MaxStock)
            {
                add($"{path}.stock.{couponTypeId}", "too_large", $"Stock is at most {MaxStock} per coupon type and round.");
            }
        }
    }

    private static void CheckBudgets(
        CampaignDefinition definition,
        Dictionary<string, FundDefinition> funds,
        Dictionary<string, CouponTypeDefinition> couponTypes,
        Action<string, string, string> add)
    {
        var committed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var round in definition.Rounds ?? [])
        {
            if (round?.Fund is null || round.Stock is null || !funds.ContainsKey(round.Fund))
            {
                continue;
            }

            var shares = round.Payers().Where(s => s?.Fund is not null && funds.ContainsKey(s.Fund) && s.Share is > 0 and <= 1).ToList();
            foreach (var (couponTypeId, count) in round.Stock)
            {
                if (couponTypes.TryGetValue(couponTypeId, out var type) && count is > 0 and <= MaxStock && type.FaceValue is > 0 and <= MaxMoney)
                {
                    foreach (var share in shares)
                    {
                        committed[share.Fund] = committed.GetValueOrDefault(share.Fund) + (count * type.FaceValue * share.Share);
                    }
                }
            }
        }

        foreach (var (fundId, total) in committed)
        {
            if (total > funds[fundId].Amount)
            {
                add($"$.funds[{IndexOf(definition.Funds, fundId)}]", "fund_exceeded", $"Stock worth {total} yuan is put on fund '{fundId}' of {funds[fundId].Amount} yuan.");
            }
        }
    }

    private static int IndexOf(IReadOnlyList<FundDefinition> funds, string fundId)
    {
        for (var i = 0; i < funds.Count; i++)
        {
            if (funds[i]?.Id == fundId)
            {
                return i;
            }
        }

        return -1;
    }

    private static void CheckId(string path, string? id, Action<string, string, string> add)
    {
        if (!IsValidId(id))
        {
            add(path, "invalid_id", "Ids are 1 to 64 characters of a-z, 0-9, '-' and '_', starting with a letter or digit.");
        }
    }

    private static void CheckMoney(string path, decimal amount, Action<string, string, string> add, bool allowZero)
    {
        if (amount < 0 || (amount == 0 && !allowZero))
        {
            add(path, "not_positive", "Amounts must be positive.");
        }

        if (amount > MaxMoney)
        {
            add(path, "too_large", $"Amounts are at most {MaxMoney} yuan.");
        }

        if (decimal.Round(amount, 2) != amount)
        {
            add(path, "too_many_decimals", "Money has at most 2 decimals (fen).");
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]{0,63}\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[0-9]{2,12}\z")]
    private static partial Regex RegionCodePattern();
}
