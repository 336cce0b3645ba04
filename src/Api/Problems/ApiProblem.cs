namespace Claims.Api.Problems;

/// <summary>Problem details results that always carry a <c>code</c>.</summary>
public static class ApiProblem
{
    public static ProblemHttpResult BadRequest(string code, string detail, IDictionary<string, string[]>? errors = null) =>
        Create(StatusCodes.Status400BadRequest, code, detail, errors is null ? null : new() { ["errors"] = errors });

    public static ProblemHttpResult NotFound(string code, string detail) => Create(StatusCodes.Status404NotFound, code, detail);

    public static ProblemHttpResult InvalidCampaignId() =>
        BadRequest(ProblemCodes.InvalidId, "Campaign ids are 1-64 characters of a-z, 0-9, '-' and '_'.");

    public static ProblemHttpResult CampaignNotFound(string campaignId) =>
        NotFound(ProblemCodes.CampaignNotFound, $"No campaign '{campaignId}'.");

    public static ProblemHttpResult PersonIdRequired() =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.PersonIdRequired, "This campaign limits each person: sign in with a token that carries your verified person id (pid).");

    public static ProblemHttpResult Conflict(string code, string detail) => Create(StatusCodes.Status409Conflict, code, detail);

    public static ProblemHttpResult Create(int status, string code, string detail, Dictionary<string, object?>? extensions = null)
    {
        extensions ??= [];
        extensions["code"] = code;
        return TypedResults.Problem(detail: detail, statusCode: status, extensions: extensions);
    }
}
