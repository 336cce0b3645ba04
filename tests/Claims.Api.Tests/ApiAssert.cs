namespace Claims.Api.Tests;

public static class ApiAssert
{
    /// <summary>The call answers problem details with this status and <c>code</c>.</summary>
    public static async Task ProblemAsync(HttpStatusCode expectedStatus, string expectedCode, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var (status, problem) = await ClaimsApiFactory.ReadAsync(response);
        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedCode, problem.GetProperty("code").GetString());
    }
}
