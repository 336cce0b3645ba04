namespace Claims.Contracts.Draws;

/// <summary>
/// A draw round as anyone may read it: the seed's hash from the start, the seed itself and the
/// results once the draw has run (<see cref="DrawnAt"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("claims.draw-view")]
public sealed record DrawView(
    [property: Id(0)] string RoundId,
    [property: Id(1)] DateTimeOffset RegistersFrom,
    [property: Id(2)] DateTimeOffset DrawsAt,
    [property: Id(3)] string SeedHash,
    [property: Id(4)] string? Seed,
    [property: Id(5)] DateTimeOffset? DrawnAt,
    [property: Id(6)] IReadOnlyList<DrawResult> Results);
