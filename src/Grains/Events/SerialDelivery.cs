namespace Claims.Grains.Events;

/// <summary>
/// One delivery to the sink at a time. A caller that needs more delivered than the delivery in
/// flight carries waits for it and then starts the next, which takes everything ready by then, so
/// a burst of callers costs a handful of sink calls.
/// </summary>
internal sealed class SerialDelivery(Func<Task> deliver)
{
    private Task _inFlight = Task.CompletedTask;

    /// <summary>Returns once <paramref name="delivered"/> holds; throws what a delivery threw.</summary>
    public async Task UntilAsync(Func<bool> delivered)
    {
        while (!delivered())
        {
            if (_inFlight.IsCompleted)
            {
                _inFlight = deliver();
            }

            await _inFlight;
        }
    }
}
