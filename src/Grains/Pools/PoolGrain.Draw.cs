using Claims.Contracts.Draws;

namespace Claims.Grains.Pools;

// A draw round's pool keeps the registrations for its type (and shard) in its journal, as it
// keeps grants: durable before answered, one append for every registration that arrives while
// the last is written, so a registration window takes the load of a rush.
public sealed partial class PoolGrain
{
    private readonly Dictionary<string, Registration> _registered = new(StringComparer.Ordinal);
    private readonly List<Registration> _registrations = [];

    public async ValueTask<IReadOnlyList<RegistrationOutcome>> RegisterAsync(IReadOnlyList<PoolGrantRequest> requests)
    {
        _journal.ThrowIfFailed();
        var now = time.GetUtcNow();
        var outcomes = new RegistrationOutcome[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (_registered.TryGetValue(request.UserId, out var earlier))
            {
                outcomes[i] = new(earlier, null);
            }
            else if (_round.Draw is not { } draw || now < draw.RegistersFrom || now >= _round.OpensAt)
            {
                outcomes[i] = RegistrationOutcome.Refused(ClaimRefusal.RegistrationClosed);
            }
            else if (_paused)
            {
                outcomes[i] = RegistrationOutcome.Refused(ClaimRefusal.CampaignPaused);
            }
            else
            {
                var registration = new Registration(request.UserId, _couponType.Id, _round.Id, _coupons.Local(now), request.RegionCode, request.PersonId);
                Registered(registration);
                _journal.Register(registration);
                outcomes[i] = new(registration, null);
            }
        }

        // Also for a replay: the registration it found may still wait for its append.
        await _journal.CommitAsync();
        return outcomes;
    }

    public async ValueTask<IReadOnlyList<Registration>> GetRegistrationsAsync()
    {
        _journal.ThrowIfFailed();
        await _journal.CommitAsync();
        return [.. _registrations];
    }

    public async ValueTask<Registration?> FindRegistrationAsync(string userId)
    {
        _journal.ThrowIfFailed();
        await _journal.CommitAsync();
        return _registered.GetValueOrDefault(userId);
    }

    private void Registered(Registration registration)
    {
        _registered[registration.UserId] = registration;
        _registrations.Add(registration);
    }
}
