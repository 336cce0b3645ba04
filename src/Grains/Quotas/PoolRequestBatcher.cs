namespace Claims.Grains.Quotas;

/// <summary>
/// Sends a quota grain's grant requests to one pool in batches: a request goes at once when no
/// call to the pool is in flight, and otherwise waits for it and leaves with everything that
/// gathered meanwhile. Light load pays no delay; a rush pays one grain call per batch, not per claim.
/// </summary>
internal sealed class PoolRequestBatcher(IPoolGrain pool)
{
    private List<(PoolGrantRequest Request, TaskCompletionSource<ClaimOutcome> Answer)> _waiting = [];
    private bool _sending;

    public Task<ClaimOutcome> GrantAsync(PoolGrantRequest request)
    {
        var answer = new TaskCompletionSource<ClaimOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((request, answer));
        if (!_sending)
        {
            _ = SendAsync();
        }

        return answer.Task;
    }

    // Runs on the quota grain's scheduler, so the list needs no lock.
    private async Task SendAsync()
    {
        _sending = true;
        try
        {
            while (_waiting.Count > 0)
            {
                var batch = _waiting;
                _waiting = [];
                try
                {
                    var outcomes = await pool.GrantAsync([.. batch.Select(w => w.Request)]);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Answer.SetResult(outcomes[i]);
                    }
                }
                catch (Exception exception)
                {
                    foreach (var (_, answer) in batch)
                    {
                        answer.SetException(exception);
                    }
                }
            }
        }
        finally
        {
            _sending = false;
        }
    }
}
