namespace Claims.Api.Auth;

/// <summary>The <c>role</c> claim values, each also the name of the policy that requires it.</summary>
public static class Roles
{
    public const string Resident = "resident";
    public const string Merchant = "merchant";
    public const string Operator = "operator";

    public static IReadOnlyList<string> All { get; } = [Resident, Merchant, Operator];
}
