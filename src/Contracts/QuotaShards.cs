using System.Text;

namespace Claims.Contracts;

/// <summary>
/// Residents are spread over a fixed number of quota grains per campaign and scope, so a rush of
/// new residents reaches grains that are already active instead of activating one per resident.
/// The hash is stable across processes and versions: pools use it too, to hand a quota grain the
/// grants of its residents.
/// </summary>
public static class QuotaShards
{
    public const int Count = 64;

    public static int Of(string userId)
    {
        // FNV-1a over UTF-8: string.GetHashCode is randomized per process. Every claim hashes its
        // resident twice, so short ids are encoded on the stack.
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
}
