namespace Claims.LoadTests;

/// <summary>What a figure measures, which decides its unit in text and in thresholds.</summary>
public enum FigureKind
{
    /// <summary>A time, in milliseconds.</summary>
    Millis,

    /// <summary>A number of requests, answers or violations.</summary>
    Count,

    /// <summary>Answers per second.</summary>
    PerSecond,

    /// <summary>Memory, in bytes.</summary>
    Bytes,
}
