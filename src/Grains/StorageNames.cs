namespace Claims.Grains;

/// <summary>The grain storage provider every Claims grain persists to.</summary>
public static class StorageNames
{
    public const string Claims = "claims";
}
