namespace Claims.Contracts;

/// <summary>
/// Options that know which of their values cannot work. The host checks them at start, so a
/// wrong setting stops the process with its key named instead of failing later in the rush.
/// </summary>
public interface ICheckedOptions
{
    /// <summary>Each value that cannot work, as a sentence naming its key (<c>Section:Key</c>).</summary>
    IEnumerable<string> Problems();
}
