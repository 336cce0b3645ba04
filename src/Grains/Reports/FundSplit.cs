namespace Claims.Grains.Reports;

/// <summary>
/// How an amount of a round's coupons is split between its funds. Each co-funder but the last pays
/// its share rounded down to the fen (less than a fen below it); the last pays the rest, so the
/// parts add up to the amount exactly and the last pays under a fen per other co-funder above its
/// share.
/// </summary>
public static class FundSplit
{
    public static IReadOnlyList<(string Fund, decimal Amount)> Of(RoundDefinition round, decimal amount)
    {
        var shares = round.Payers();
        var parts = new (string Fund, decimal Amount)[shares.Count];
        var left = amount;
        for (var i = 0; i < shares.Count - 1; i++)
        {
            var part = decimal.Floor(amount * shares[i].Share * 100) / 100;
            parts[i] = (shares[i].Fund, part);
            left -= part;
        }

        parts[^1] = (shares[^1].Fund, left);
        return parts;
    }
}
