namespace Claims.Silo.Storage;

/// <summary>A grain's state already in bytes, which <see cref="ClaimsStateSerializer"/> writes as they are.</summary>
internal sealed record SerializedState(BinaryData Bytes);
