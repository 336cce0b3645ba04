namespace Claims.Api.Admin;

/// <summary>Residents to exclude from a running campaign (<see cref="Add"/>) and to let back in (<see cref="Remove"/>).</summary>
public sealed record BlacklistBody(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove)
{
    public const int MaxEntries = 100_000;

    public const int MaxIdLength = 128;

    public static string Rule => $"Send {{ add: [...], remove: [...] }} with 1-{MaxEntries} resident ids in all, each 1-{MaxIdLength} printable characters, none in both.";

    public bool IsValid =>
        (Add?.Count ?? 0) + (Remove?.Count ?? 0) is > 0 and <= MaxEntries
        && (Add ?? []).Concat(Remove ?? []).All(id => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength && !id.Any(char.IsControl))
        && !(Add ?? []).Intersect(Remove ?? [], StringComparer.Ordinal).Any();
}
