namespace Claims.Client.Admission;

/// <summary>
/// What admission says of a claim before any grain sees it: how long the client must wait when a
/// rate limit refuses it (null when admitted), and whether the resident was granted a coupon
/// under this request key before (a replay, which must reach its pool whatever the board says).
/// </summary>
public readonly record struct AdmissionVerdict(TimeSpan? RetryAfter, bool Replay);
