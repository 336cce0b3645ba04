using Orleans.Serialization;
using Orleans.Storage;

namespace Claims.Silo.Storage;

/// <summary>
/// Grain state in Orleans' binary format instead of the default JSON: a pool's state holds every
/// grant, and JSON made each write several times larger and slower. Every state type has
/// [GenerateSerializer], which is what this format relies on. State that
/// <see cref="InTurnSerializingGrainStorage"/> already serialized passes through unchanged.
/// </summary>
internal sealed class ClaimsStateSerializer(Serializer serializer) : IGrainStorageSerializer
{
    private readonly OrleansGrainStorageSerializer _binary = new(serializer);

    public BinaryData Serialize<T>(T? input) => input is SerializedState serialized ? serialized.Bytes : _binary.Serialize(input);

    public T? Deserialize<T>(BinaryData input) => _binary.Deserialize<T>(input);
}
