using Claims.Api.Admin;

namespace Claims.Api.Tests;

public sealed class CsvTests
{
    [Fact]
    public void CellsAreInvariantAndQuotedOnlyWhenTheyMustBe()
    {
        var csv = new Csv().Row("plain", "a,b", "say \"hi\"", 1234.5m, true).Gap().Row("x").ToString();

        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",1234.5,true\r\n\r\nx\r\n", csv);
    }

    [Fact]
    public void EqualAmountsPrintAlikeWhateverTheirScale()
    {
        Assert.Equal("0,68.5,10\r\n", new Csv().Row(68.5m - 68.5m, 68.50m, 10.00m).ToString());
    }
}
