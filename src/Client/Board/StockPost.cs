namespace Claims.Client.Board;

/// <summary>What a pool posts: the round's stock, what rolled in from earlier rounds, and what is left to claim.</summary>
public readonly record struct StockPost(int Stock, int RolledIn, int Remaining);
