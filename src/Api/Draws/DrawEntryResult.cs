namespace Claims.Api.Draws;

public enum DrawEntryResult
{
    /// <summary>The draw has not run yet.</summary>
    Pending,
    Drawn,
    NotDrawn,
}
