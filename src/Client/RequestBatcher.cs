namespace Claims.Client;

/// <summary>
/// Gathers requests for one grain into batched calls: a request leaves at once when no call is in
/// flight, and otherwise waits for that call and leaves with everything that gathered meanwhile.
/// Light load pays no delay; a rush pays one grain call per batch instead of one per request.
/// A call that times out takes what gathered behind it down with it.
/// </summary>
public sealed class RequestBatcher<TRequest, TResult>(Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> send)
{
    private readonly Lock _lock = new();
    private List<(TRequest Request, TaskCompletionSource<TResult> Answer)> _waiting = [];
    private bool _sending;

    public Task<TResult> SendAsync(TRequest request)
    {
        var answer = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_lock)
        {
            _waiting.Add((request, answer));
            start = !_sending;
            _sending = true;
        }

        if (start)
        {
            _ = DrainAsync();
        }

        return answer.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<(TRequest Request, TaskCompletionSource<TResult> Answer)> batch;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _sending = false;
                    return;
                }

                batch = _waiting;
                _waiting = [];
            }

            try
            {
                var results = await send([.. batch.Select(w => w.Request)]);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Answer.SetResult(results[i]);
                }
            }
            catch (Exception exception)
            {
                // Every request of the batch shares the call's fate; each caller may retry its own.
                // A grain that let a call time out is stuck (its store stalled, its silo paused):
                // what gathered behind the call would wait as long again for the same, so it shares
                // the fate too, and a resident hears "retry" within one timeout, not two.
                if (exception is TimeoutException)
                {
                    lock (_lock)
                    {
                        batch.AddRange(_waiting);
                        _waiting = [];
                    }
                }

                foreach (var (_, answer) in batch)
                {
                    answer.SetException(exception);
                }
            }

            // The answered callers run on once this loop lets them, and many send their next
            // request at once: left to find nothing waiting and stop, the loop would let the
            // first of them leave alone, and the rest wait for it, a call per pair of batches.
            await Task.Yield();
        }
    }
}
