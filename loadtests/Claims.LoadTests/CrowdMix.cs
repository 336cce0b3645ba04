namespace Claims.LoadTests;

/// <summary>Shares of the crowd behaving otherwise than tapping once: each resident is one kind at most.</summary>
public sealed record CrowdMix(double RepeatTappers, double Outsiders, double Retriers, double Bots)
{
    public Behaviour Pick(Random random)
    {
        var roll = random.NextDouble();
        return (roll -= Bots) < 0 ? Behaviour.Bot
            : (roll -= RepeatTappers) < 0 ? Behaviour.RepeatTapper
            : (roll -= Outsiders) < 0 ? Behaviour.Outsider
            : (roll -= Retriers) < 0 ? Behaviour.Retrier
            : Behaviour.Once;
    }
}

public enum Behaviour
{
    Once,
    RepeatTapper,
    Outsider,
    Retrier,
    Bot,
}
