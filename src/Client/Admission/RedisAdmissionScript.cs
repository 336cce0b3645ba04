namespace Claims.Client.Admission;

/// <summary>
/// One round trip per claim: takes a token from every bucket named (or from none, if any is
/// empty) and says whether the request key was granted before. Time is Redis's own clock, so
/// every API node fills the buckets alike.
/// </summary>
internal static class RedisAdmissionScript
{
    // KEYS[1]: the granted-request key; KEYS[2..]: buckets. ARGV: burst and tokens per second of each bucket.
    // Returns { milliseconds to wait (0: admitted), 1 if the request key was granted before }.
    public const string Text = """
        local now = redis.call('TIME')
        now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        local wait = 0
        local tokens = {}
        for i = 2, #KEYS do
          local burst = tonumber(ARGV[2 * i - 3])
          local rate = tonumber(ARGV[2 * i - 2])
          local bucket = redis.call('HMGET', KEYS[i], 'tokens', 'at')
          local left = tonumber(bucket[1]) or burst
          local at = tonumber(bucket[2]) or now
          left = math.min(burst, left + (now - at) * rate / 1000)
          if left < 1 then
            wait = math.max(wait, math.ceil((1 - left) * 1000 / rate))
          end
          tokens[i] = left
        end
        for i = 2, #KEYS do
          local burst = tonumber(ARGV[2 * i - 3])
          local rate = tonumber(ARGV[2 * i - 2])
          local left = tokens[i]
          if wait == 0 then
            left = left - 1
          end
          redis.call('HSET', KEYS[i], 'tokens', tostring(left), 'at', now)
          redis.call('PEXPIRE', KEYS[i], math.ceil(burst * 1000 / rate) + 1000)
        end
        return { wait, redis.call('EXISTS', KEYS[1]) }
        """;
}
