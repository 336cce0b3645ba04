namespace Claims.Api.Admin;

/// <summary>
/// A chunk of a member list as operators export it from a spreadsheet: one resident id per line in
/// the first column (quoted when it holds a comma or a quote), an optional <c>userId</c> header,
/// blank lines ignored.
/// </summary>
public static class MemberCsv
{
    private const int MaxErrors = 10;

    /// <summary>The ids, or the lines that are not ids (the first ten) when any is not.</summary>
    public static async Task<(List<string> UserIds, Dictionary<string, string[]>? Errors)> ReadAsync(Stream body, int maxIds)
    {
        using var reader = new StreamReader(body);
        var ids = new List<string>();
        var errors = new Dictionary<string, string[]>();
        var number = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            number++;
            if (line.Length == 0 || (number == 1 && line.Trim().Equals("userId", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (FirstCell(line) is { } id && CampaignValidator.IsValidUserId(id))
            {
                ids.Add(id);
            }
            else if (errors.Count < MaxErrors)
            {
                errors[$"line {number}"] = ["Not a resident id: 1-128 characters, no control characters, quoted when it holds a comma or a quote."];
            }

            if (ids.Count > maxIds)
            {
                errors["body"] = [$"A chunk holds at most {maxIds} ids; send the list in more chunks."];
                break;
            }
        }

        return (ids, errors.Count > 0 ? errors : null);
    }

    private static string? FirstCell(string line)
    {
        if (!line.StartsWith('"'))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            return comma < 0 ? line : line[..comma];
        }

        var cell = new System.Text.StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] != '"')
            {
                cell.Append(line[i]);
            }
            else if (i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else
            {
                return i + 1 == line.Length || line[i + 1] == ',' ? cell.ToString() : null;
            }
        }

        return null;
    }
}
