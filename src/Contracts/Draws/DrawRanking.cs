using System.Security.Cryptography;
using System.Text;

namespace Claims.Contracts.Draws;

/// <summary>
/// The order of a draw: each registrant of a coupon type is ranked by
/// SHA-256(seed ‖ UTF-8 of <c>couponTypeId + "\n" + userId</c>), smallest first (ties, which
/// SHA-256 makes all but impossible, by user id), and the winners are taken from the top while
/// stock lasts, passing over a registrant the limits or the blacklist now refuse. The seed is
/// drawn at random when the draw is first asked about and only its SHA-256 is published until
/// the draw has run, so nobody, the operator included, can choose registrations that win; once
/// it is revealed anyone holding the registrations can recompute the winners.
/// </summary>
public static class DrawRanking
{
    public const int SeedBytes = 32;

    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedBytes);

    /// <summary>The request key of a winner's claim: one per account and draw round, so a draw run again finds the coupon.</summary>
    public static string RequestKey(string roundId) => $"draw:{roundId}";

    public static string HashOf(byte[] seed) => Convert.ToHexStringLower(SHA256.HashData(seed));

    /// <summary>The registrants in the order the draw takes them.</summary>
    public static List<T> Rank<T>(byte[] seed, string couponTypeId, IEnumerable<T> registrants, Func<T, string> userId)
    {
        var keyed = registrants.Select(r => (Key: KeyOf(seed, couponTypeId, userId(r)), Registrant: r, UserId: userId(r))).ToList();
        keyed.Sort((a, b) => a.Key.CompareTo(b.Key) is var c && c != 0 ? c : string.CompareOrdinal(a.UserId, b.UserId));
        return [.. keyed.Select(k => k.Registrant)];
    }

    // The first 16 bytes of the digest, big-endian, order the digests as their bytes do.
    private static UInt128 KeyOf(byte[] seed, string couponTypeId, string userId)
    {
        var text = $"{couponTypeId}\n{userId}";
        var length = seed.Length + Encoding.UTF8.GetByteCount(text);
        Span<byte> input = length <= 512 ? stackalloc byte[length] : new byte[length];
        seed.CopyTo(input);
        Encoding.UTF8.GetBytes(text, input[seed.Length..]);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(input, digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest);
    }
}
