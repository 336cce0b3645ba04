using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

public class CouponModeTests
{
    [Fact]
    public void AStoredValueTypeNeedsNoMinimumSpendButTakesNoPriceBandOrReview()
    {
        var stored = CampaignBuilder.CouponType with { MinSpend = 0, StoredValue = true };

        Assert.Empty(CampaignValidator.Validate(CampaignBuilder.Valid() with { CouponTypes = [stored] }));
        Assert.Contains(
            CampaignValidator.Validate(CampaignBuilder.Valid() with { CouponTypes = [stored with { MaxSpend = 100 }] }),
            v => v.Code == "invalid_stored_value" && v.Path == "$.couponTypes[0].storedValue");
        Assert.Contains(
            CampaignValidator.Validate(CampaignBuilder.Valid() with { CouponTypes = [stored with { ReviewDocuments = ["invoiceNumber"] }] }),
            v => v.Code == "invalid_stored_value");
    }

    [Fact]
    public void AMemberListIsAnIdOnAClaimedType() =>
        Assert.Equal(
            ["$.couponTypes[0].memberList invalid_member_list", "$.couponTypes[0].memberList invalid_member_list"],
            new[] { CampaignBuilder.CouponType with { MemberList = "Union Members" }, CampaignBuilder.CouponType with { MemberList = "union", ListOnly = true } }
                .SelectMany(t => CampaignValidator.Validate(CampaignBuilder.Valid() with { CouponTypes = [t] }).Where(v => v.Code == "invalid_member_list"))
                .Select(v => $"{v.Path} {v.Code}"));
}
