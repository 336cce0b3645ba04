namespace Claims.Api.Samples;

/// <summary>Loading the sample campaigns at start (configuration section <c>Samples</c>).</summary>
public sealed class SampleOptions : ICheckedOptions
{
    public const string Section = "Samples";

    /// <summary>Create every campaign in <see cref="Directory"/> when the process starts (already created ones are left as they are).</summary>
    public bool Load { get; set; }

    /// <summary>Folder of campaign JSON files.</summary>
    public string Directory { get; set; } = "samples";

    /// <summary>
    /// Move each sample's rounds so its first round opens at load time (keeping lengths and gaps),
    /// so the past campaigns of the samples can be claimed from today.
    /// </summary>
    public bool OpenNow { get; set; }

    public IEnumerable<string> Problems()
    {
        if (Load && string.IsNullOrWhiteSpace(Directory))
        {
            yield return $"{Section}:{nameof(Directory)} must name a folder when {Section}:{nameof(Load)} is true.";
        }
    }
}
