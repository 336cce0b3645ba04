using System.Reflection;
using System.Xml.Linq;

namespace Claims.Api.Tests;

/// <summary>
/// Dependencies point inward: the API side reaches the grains only through Contracts and Client,
/// and only the host composes both sides. Checked on the compiled assemblies (a type used through
/// a transitive reference counts) and on the project files (the graph a reader sees).
/// </summary>
public sealed class AssemblyBoundaryTests
{
    private static readonly Dictionary<string, string[]> MayReference = new()
    {
        ["Claims.Contracts"] = [],
        ["Claims.Client"] = ["Claims.Contracts"],
        ["Claims.Api"] = ["Claims.Contracts", "Claims.Client"],
        ["Claims.Grains"] = ["Claims.Contracts", "Claims.Client"],
        ["Claims.Silo"] = ["Claims.Contracts", "Claims.Client", "Claims.Grains"],
        ["Claims.Host"] = ["Claims.Contracts", "Claims.Client", "Claims.Api", "Claims.Grains", "Claims.Silo"],
    };

    public static TheoryData<string> Assemblies => [.. MayReference.Keys];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void AnAssemblyUsesOnlyTheProjectsItMay(string assembly)
    {
        var ours = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => MayReference.ContainsKey(name));

        Assert.Empty(ours.Except(MayReference[assembly]));
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void AProjectReferencesOnlyTheProjectsItMay(string assembly)
    {
        var project = Path.Combine(SourceRoot(), assembly["Claims.".Length..], $"{assembly}.csproj");
        var references = XDocument.Load(project)
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

        Assert.Empty(references.Except(MayReference[assembly]));
    }

    private static string SourceRoot() =>
        typeof(AssemblyBoundaryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SourceRoot").Value!;
}
