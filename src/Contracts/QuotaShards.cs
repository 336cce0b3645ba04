using System.Numerics;
using System.Text;

namespace Claims.Contracts;

/// <summary>
/// Residents are spread over <see cref="Count"/> slots by a stable hash of their id, and a
/// campaign's quota grains (per scope) each serve the slots equal to their number modulo how many
/// there are (a power of two up to <see cref="Count"/>), so a rush of new residents reaches grains
/// that are already active instead of activating one per resident. Few grains make deep batches
/// (one call carries many residents); a grain per core of the cluster keeps every core busy. The
/// hash is stable across processes and versions: pools index their grants by slot, to hand a
/// quota grain the grants of its residents.
/// </summary>
public static class QuotaShards
{
    /// <summary>Slots, and the most quota grains a campaign and scope can have.</summary>
    public const int Count = 64;

    public static int Of(string userId)
    {
        // FNV-1a over UTF-8: string.GetHashCode is randomized per process. Short ids are encoded
        // on the stack.
        var length = Encoding.UTF8.GetByteCount(userId);
        Span<byte> bytes = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(userId, bytes);
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % Count);
    }

    /// <summary>The quota grain of <paramref name="grains"/> that serves slot <paramref name="slot"/>.</summary>
    public static int GrainOf(int slot, int grains) => slot % grains;

    /// <summary>A valid number of quota grains: a power of two, from one to <see cref="Count"/>.</summary>
    public static bool IsValid(int grains) => grains is >= 1 and <= Count && BitOperations.IsPow2(grains);
}
