using OxyPlot;

namespace Claims.LoadTests;

/// <summary>
/// Measures chart text with the metrics of PDF's Helvetica, which Arial (and its metric twin
/// Liberation Sans, as browsers on Linux substitute) shares, in the SVG's pixels: OxyPlot's PDF
/// context answers in points, 3/4 of a pixel, and labels so measured overlap their neighbours.
/// </summary>
public sealed class PixelTextMeasurer(double width, double height) : PdfRenderContext(width, height, OxyColors.White)
{
    private const double PixelsPerPoint = 96.0 / 72;

    public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
    {
        var points = base.MeasureText(text, fontFamily, fontSize, fontWeight);
        return new(points.Width * PixelsPerPoint, points.Height * PixelsPerPoint);
    }
}
