using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Claims.LoadTests;

/// <summary>
/// The report's charts as OxyPlot models: seconds from the opening along the bottom, values with
/// their ticks and unit up the side, a legend naming each series. <see cref="Svg"/> draws one as
/// inline SVG, so the page is one file that opens anywhere, without scripts or a network.
/// </summary>
public static class ReportCharts
{
    private const string Time = "seconds from the opening";

    private const double Width = 960, Height = 340;

    /// <summary>
    /// The chart as an SVG element to put inline in a page, its ids prefixed with <paramref name="name"/>:
    /// each chart numbers its clip paths from 1, and a page with two of them would clip both by the first's.
    /// </summary>
    public static string Svg(string name, PlotModel model)
    {
        var svg = new SvgExporter { Width = Width, Height = Height, IsDocument = false, TextMeasurer = new PixelTextMeasurer(Width, Height) }.ExportToString(model);
        return svg.Replace("id=\"clipPath", $"id=\"{name}-clipPath", StringComparison.Ordinal).Replace("url(#clipPath", $"url(#{name}-clipPath", StringComparison.Ordinal);
    }

    public static PlotModel Throughput(RunSummary run)
    {
        var model = Model("Arrivals and answers per second, answers stacked by outcome", TimeAxis(), ValueAxis("per second"));
        var below = new double[run.Timeline.Count];

        // The commonest outcome at the bottom, where its shape is easiest to read.
        foreach (var outcome in run.Outcomes.OrderByDescending(o => o.Count))
        {
            var color = ColorOf(outcome.Outcome);
            var area = new AreaSeries { Title = outcome.Outcome, Color = color, Fill = OxyColor.FromAColor(160, color), StrokeThickness = 0.5 };
            foreach (var second in run.Timeline)
            {
                var above = below[second.Second] + second.Answers.GetValueOrDefault(outcome.Outcome);
                area.Points.Add(new(second.Second, above));
                area.Points2.Add(new(second.Second, below[second.Second]));
                below[second.Second] = above;
            }

            model.Series.Add(area);
        }

        model.Series.Add(Line("arrivals (requests due)", OxyColors.Black, run.Timeline.Select(s => new DataPoint(s.Second, s.Arrivals)), LineStyle.Dash));
        return model;
    }

    public static PlotModel InFlight(RunSummary run) =>
        With(Model("Requests in flight (sent, not yet answered)", TimeAxis(), ValueAxis("requests")), Line("in flight", OxyColors.SteelBlue, run.Timeline.Where(s => s.InFlight is not null).Select(s => new DataPoint(s.Second, s.InFlight!.Value))));

    public static PlotModel LatencyOverTime(RunSummary run)
    {
        var model = Model("Latency of the answers in each second, from when each request was due", TimeAxis(), MillisAxis());
        (string Name, Func<SecondFigures, double?> Value, OxyColor Color)[] percentiles =
            [("p50", s => s.P50, OxyColors.SeaGreen), ("p90", s => s.P90, OxyColors.DarkOrange), ("p99", s => s.P99, OxyColors.Firebrick)];
        foreach (var (name, value, color) in percentiles)
        {
            model.Series.Add(Line(name, color, run.Timeline.Where(s => value(s) > 0).Select(s => new DataPoint(s.Second, value(s)!.Value))));
        }

        return model;
    }

    /// <summary>Each outcome's latency by percentile, on HdrHistogram's scale that gives the tail as much room as the body.</summary>
    public static PlotModel LatencyDistribution(RunSummary run)
    {
        var percentiles = new LogarithmicAxis
        {
            Position = AxisPosition.Bottom,
            Title = "percentile of the outcome's answers",
            Minimum = 1,
            Maximum = 100_000,
            MajorGridlineStyle = LineStyle.Solid,
            MajorGridlineColor = Grid,
            LabelFormatter = PercentileLabel,
        };
        var model = Model("Latency distribution per outcome", percentiles, MillisAxis());
        foreach (var outcome in run.Outcomes)
        {
            model.Series.Add(Line(
                $"{outcome.Outcome} ({outcome.Count:N0})",
                ColorOf(outcome.Outcome),
                outcome.Distribution.Where(p => p.Percentile < 99.999 && p.Millis > 0).Select(p => new DataPoint(1 / (1 - (p.Percentile / 100)), p.Millis))));
        }

        return model;
    }

    public static PlotModel Stock(RunSummary run)
    {
        var model = Model("Each pool's remaining stock (admin API), and its first sold_out answer", TimeAxis(), ValueAxis("coupons remaining"));
        foreach (var pool in run.Pools)
        {
            model.Series.Add(new StairStepSeries
            {
                Title = pool.CouponTypeId,
                StrokeThickness = 1.5,
                ItemsSource = run.Stock.Where(s => s.Remaining.ContainsKey(pool.CouponTypeId)).Select(s => new DataPoint(s.At, s.Remaining[pool.CouponTypeId])).ToList(),
            });
        }

        var soldOut = new ScatterSeries { Title = "first sold_out answer", MarkerType = MarkerType.Diamond, MarkerSize = 5, MarkerFill = OxyColors.Firebrick };
        soldOut.Points.AddRange(run.Pools.Where(p => p.SoldOutAt is not null).Select(p => new ScatterPoint(p.SoldOutAt!.Value, 0)));
        model.Series.Add(soldOut);
        return model;
    }

    /// <summary>The server's CPU and memory when the tool could see its process, and the tool's own.</summary>
    public static PlotModel Machine(RunSummary run)
    {
        var memory = ValueAxis("resident memory, MiB");
        (memory.Position, memory.Key) = (AxisPosition.Right, "memory");
        var model = Model("CPU (percent of one core) and memory", TimeAxis(), ValueAxis("CPU, % of one core"), memory);
        (string Name, IReadOnlyList<ProcessSample> Samples, OxyColor Color)[] processes = [("server", run.Server, OxyColors.Firebrick), ("tool", run.Tool, OxyColors.SteelBlue)];
        foreach (var (name, samples, color) in processes.Where(p => p.Samples.Count > 0))
        {
            model.Series.Add(Line($"{name} CPU", color, samples.Select(s => new DataPoint(s.At, s.CpuPercent))));
            var resident = Line($"{name} memory", color, samples.Select(s => new DataPoint(s.At, s.ResidentBytes / 1024.0 / 1024.0)), LineStyle.Dot);
            resident.YAxisKey = "memory";
            model.Series.Add(resident);
        }

        return model;
    }

    /// <summary>One figure over time for several runs, for <c>compare</c>.</summary>
    public static PlotModel Overlay(string title, bool millis, IEnumerable<(string Run, IEnumerable<DataPoint> Points)> runs)
    {
        var model = Model(title, TimeAxis(), millis ? MillisAxis() : ValueAxis("per second"));
        OxyColor[] colors = [OxyColors.SteelBlue, OxyColors.Firebrick, OxyColors.SeaGreen, OxyColors.DarkOrange];
        foreach (var (run, index) in runs.Select((run, index) => (run, index)))
        {
            model.Series.Add(Line(run.Run, colors[index % colors.Length], run.Points));
        }

        return model;
    }

    private static readonly OxyColor Grid = OxyColor.FromRgb(0xe0, 0xe0, 0xe0);

    // Tableau's ten: distinct from each other, where OxyPlot's own palette repeats near-alike reds.
    private static readonly OxyColor[] Palette =
        [.. new uint[] { 0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac }.Select(rgb => OxyColor.FromUInt32(0xff000000 | rgb))];

    private static PlotModel Model(string title, params Axis[] axes)
    {
        var model = new PlotModel { Title = title, TitleFontSize = 14, TitleFontWeight = FontWeights.Normal, DefaultFont = "Arial", DefaultFontSize = 11, DefaultColors = Palette };
        model.Legends.Add(new Legend { LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.RightTop, LegendFontSize = 11 });
        foreach (var axis in axes)
        {
            model.Axes.Add(axis);
        }

        return model;
    }

    private static PlotModel With(PlotModel model, Series series)
    {
        model.Series.Add(series);
        return model;
    }

    private static LinearAxis TimeAxis() => new() { Position = AxisPosition.Bottom, Title = Time, Minimum = 0, MajorGridlineStyle = LineStyle.Solid, MajorGridlineColor = Grid };

    private static LinearAxis ValueAxis(string title) =>
        new() { Position = AxisPosition.Left, Title = title, Minimum = 0, MaximumPadding = 0.05, MajorGridlineStyle = LineStyle.Solid, MajorGridlineColor = Grid, StringFormat = "#,0.###" };

    // Latency spans from a millisecond to minutes in one rush: only a log scale shows both.
    private static LogarithmicAxis MillisAxis() => new()
    {
        Position = AxisPosition.Left,
        Title = "latency, ms",
        MajorGridlineStyle = LineStyle.Solid,
        MajorGridlineColor = Grid,
        LabelFormatter = v => string.Create(CultureInfo.InvariantCulture, $"{v:#,0.###}"),
    };

    // Labels at the decades only (0%, 90%, 99%, 99.9%): in between they read as 66.667%.
    private static string PercentileLabel(double x) =>
        Math.Abs(Math.Log10(x) - Math.Round(Math.Log10(x))) > 1e-6 ? "" : string.Create(CultureInfo.InvariantCulture, $"{100 * (1 - (1 / x)):0.###}%");

    private static LineSeries Line(string title, OxyColor color, IEnumerable<DataPoint> points, LineStyle style = LineStyle.Solid)
    {
        var line = new LineSeries { Title = title, Color = color, StrokeThickness = 1.5, LineStyle = style };
        line.Points.AddRange(points);
        return line;
    }

    private static OxyColor ColorOf(string outcome) => OutcomeFigures.NameOf(outcome) switch
    {
        "granted" or "registered" => OxyColor.FromRgb(0x2e, 0x7d, 0x32),
        "sold_out" => OxyColor.FromRgb(0x78, 0x90, 0x9c),
        "limit_reached" => OxyColor.FromRgb(0xef, 0x6c, 0x00),
        "rate_limited" => OxyColor.FromRgb(0x8e, 0x24, 0xaa),
        "region_not_eligible" => OxyColor.FromRgb(0x6d, 0x4c, 0x41),
        _ when OutcomeFigures.IsErrorOutcome(outcome) => OxyColor.FromRgb(0xc6, 0x28, 0x28),
        _ => OxyColor.FromRgb(0x15, 0x65, 0xc0),
    };
}
