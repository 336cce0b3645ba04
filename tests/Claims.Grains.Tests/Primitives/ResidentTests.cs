using Claims.Grains.Quotas;

namespace Claims.Grains.Tests.Primitives;

public sealed class ResidentTests
{
    [Fact]
    public async Task ClaimsOfOneResidentRunOneAtATimeInTheOrderTheyCame()
    {
        var resident = new Resident();
        var firstMayEnd = new TaskCompletionSource();
        var order = new List<int>();

        var first = resident.InTurnAsync(async () =>
        {
            order.Add(1);
            await firstMayEnd.Task;
            order.Add(-1);
            return 1;
        });
        var second = resident.InTurnAsync(() =>
        {
            order.Add(2);
            return Task.FromResult(2);
        });
        var third = resident.InTurnAsync(() =>
        {
            order.Add(3);
            return Task.FromResult(3);
        });

        Assert.False(resident.IsIdle);
        Assert.Equal([1], order);
        firstMayEnd.SetResult();

        var answers = await Task.WhenAll(first, second, third);
        Assert.Equal([1, 2, 3], answers);
        Assert.Equal([1, -1, 2, 3], order);
        Assert.True(resident.IsIdle);
    }

    [Fact]
    public async Task AClaimThatFailsEndsItsTurnForTheNext()
    {
        var resident = new Resident();

        await Assert.ThrowsAsync<InvalidOperationException>(() => resident.InTurnAsync<int>(() => throw new InvalidOperationException("pool unavailable")));

        Assert.Equal(7, await resident.InTurnAsync(() => Task.FromResult(7)));
    }

    [Fact]
    public async Task ATurnBegunByTheGrainHoldsBackLaterClaimsUntilItEnds()
    {
        var resident = new Resident();
        var turn = resident.BeginTurn();
        var ran = false;

        var later = resident.InTurnAsync(() =>
        {
            ran = true;
            return Task.FromResult(0);
        });

        await Task.Yield();
        Assert.False(ran);
        Assert.False(resident.IsIdle);
        turn.SetResult();
        await later;
        Assert.True(ran);
    }
}
