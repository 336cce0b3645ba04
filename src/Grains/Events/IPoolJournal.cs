namespace Claims.Grains.Events;

/// <summary>
/// Pools' journals, kept in the ledger. Appends from every pool of a silo are written together
/// (one transaction, or one statement), and each is conditional on its version: the ledger takes
/// a pool's version once, so of two activations of one pool only one can write each version.
/// </summary>
public interface IPoolJournal
{
    /// <summary>
    /// Appends to the pool's journal once it is durable; false when the journal already holds
    /// that version, written by another activation. Throws when the store fails: the append may
    /// or may not have been written.
    /// </summary>
    ValueTask<bool> AppendAsync(PoolAppended append);

    /// <summary>The pool's appends after version <paramref name="afterVersion"/>, in version order.</summary>
    Task<IReadOnlyList<PoolAppended>> ReadAsync(string poolKey, int afterVersion);
}
