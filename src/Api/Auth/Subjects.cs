using System.Security.Claims;

namespace Claims.Api.Auth;

/// <summary>Who a signed-in request speaks for: the token's <c>sub</c>, a resident's, merchant's or operator's id.</summary>
public static class Subjects
{
    /// <summary>The id of the resident, merchant or operator; every token Claims accepts carries one.</summary>
    public static string Subject(this ClaimsPrincipal user) => user.FindFirstValue("sub")!;
}
