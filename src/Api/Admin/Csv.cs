using System.Globalization;
using System.Text;

namespace Claims.Api.Admin;

/// <summary>
/// CSV for spreadsheets: rows end in CRLF, numbers use the invariant culture, and a cell holding a
/// comma, a quote or a line break is quoted.
/// </summary>
public sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv Row(params object[] cells)
    {
        _text.AppendJoin(',', cells.Select(Cell));
        _text.Append("\r\n");
        return this;
    }

    /// <summary>An empty line, between two tables of one document.</summary>
    public Csv Gap()
    {
        _text.Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    private static string Cell(object value)
    {
        var text = value switch
        {
            bool flag => flag ? "true" : "false",

            // Decimal keeps the scale of its operands (68.5 − 68.5 is 0.0); dividing by a one with
            // many zeros drops the trailing ones, so equal amounts print alike.
            decimal amount => (amount / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
