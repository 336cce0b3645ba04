namespace Claims.Grains.Pools;

/// <summary>The quota activation (<see cref="Fence"/>) whose grants a pool takes for one slot of residents.</summary>
[GenerateSerializer, Immutable, Alias("claims.slot-fence")]
public sealed record SlotFence(int Slot, Guid Fence);
