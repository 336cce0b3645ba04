using Claims.Contracts.Campaigns;

namespace Claims.Contracts.Tests;

/// <summary>The campaign files in the repository's <c>samples/</c> folder.</summary>
public static class SampleFiles
{
    /// <summary>The <c>samples/</c> folder next to <c>Claims.sln</c>, found by walking up from the test binaries.</summary>
    public static string Folder => Path.Combine(FindRepositoryRoot(), "samples");

    /// <summary>The file names (not paths) of every <c>*.json</c> sample, in ordinal order.</summary>
    public static IReadOnlyList<string> Names =>
        [.. new DirectoryInfo(Folder).GetFiles("*.json").Select(f => f.Name).Order(StringComparer.Ordinal)];

    public static CampaignDefinition Parse(string name) => CampaignJson.Parse(File.ReadAllText(Path.Combine(Folder, name)));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Claims.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds Claims.sln.");
    }
}
