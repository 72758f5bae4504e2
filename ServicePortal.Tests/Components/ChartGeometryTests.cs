using ServicePortal.Components.Shared.Charts;

namespace ServicePortal.Tests.Components;

/// <summary>The dashboard charts' geometry, computed in .NET so nothing is measured in the browser (issue 12).</summary>
public sealed class ChartGeometryTests
{
    [Theory]
    [InlineData(0.25, 0.5)]
    [InlineData(0.03, 0.05)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(2.0001, 5)]
    [InlineData(8.4, 10)]
    [InlineData(120, 200)]
    public void NiceStep_IsTheNextOf1_2_5TimesAPowerOfTen(double raw, double step) =>
        ValueAxis.NiceStep(raw).ShouldBe(step);

    [Fact]
    public void ValueAxis_StepsRoundly_FromZeroToTheFirstTickAtOrAboveTheLargestValue()
    {
        ValueAxis.FromZero(42, minStep: 1).Ticks.ShouldBe([0, 10, 20, 30, 40, 50]);
        ValueAxis.FromZero(1.25).Ticks.ShouldBe([0, 0.5, 1, 1.5]);
        ValueAxis.FromZero(100).Ticks.ShouldBe([0, 20, 40, 60, 80, 100]);
        ValueAxis.FromZero(0.6).Ticks.ShouldBe([0, 0.2, 0.4, 0.6]);
    }

    [Fact]
    public void ValueAxis_OfCounts_HasNoHalfSteps()
    {
        ValueAxis.FromZero(2, minStep: 1).Ticks.ShouldBe([0, 1, 2]);
        ValueAxis.FromZero(2).Ticks.ShouldBe([0, 0.5, 1, 1.5, 2]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(double.NaN)]
    public void ValueAxis_OfNothingToShow_IsOneStep(double max) =>
        ValueAxis.FromZero(max, minStep: 1).Ticks.ShouldBe([0, 1]);

    [Fact]
    public void Box_LeavesRoomForTheWidestTickLabel_AndTheXLabels()
    {
        var (box, labels) = ChartGeometry.Box(720, 260, ["0%", "0.5%", "100%"], ["10月", "11月"]);

        box.Left.ShouldBeGreaterThanOrEqualTo(ChartGeometry.TextWidth("0.5%"));
        box.Bottom.ShouldBe(labels.Height);
        box.Y(0, ValueAxis.FromZero(1)).ShouldBe(box.PlotBottom);
        box.Y(1, ValueAxis.FromZero(1)).ShouldBe(box.Top);
    }

    [Fact]
    public void XLabels_ThatFitTheirSlots_AreLevelAndCentred()
    {
        var labels = ChartGeometry.LayoutX(["10月", "11月", "12月"], left: 40, plotWidth: 300);

        labels.Rotated.ShouldBeFalse();
        labels.Labels.Select(l => l.X).ShouldBe([90, 190, 290]);
        labels.Labels.ShouldAllBe(l => !l.Shortened);
    }

    [Fact]
    public void LongChineseLabels_AreTurnedAndShortened_SoNeighboursDoNotOverlap()
    {
        string[] names = [.. Enumerable.Range(1, 8).Select(i => $"客户服务中心第{i}分部投诉处理组")];

        var labels = ChartGeometry.LayoutX(names, left: 40, plotWidth: 400);

        labels.Rotated.ShouldBeTrue();
        labels.Labels.ShouldAllBe(l => l.Shortened && l.Shown.EndsWith('…') && names.Contains(l.Text));
        labels.Labels.ShouldAllBe(l => ChartGeometry.TextWidth(l.Shown) <= ChartGeometry.MaxRotatedLabel);
        // Turned labels are parallel lines: neighbours written are (slot × every) · sin(angle) apart, at least a line.
        var shown = labels.Labels.Where(l => l.Shown.Length > 0).ToArray();
        var gap = (shown[1].X - shown[0].X) * Math.Sin(ChartGeometry.LabelAngle * Math.PI / 180);
        gap.ShouldBeGreaterThanOrEqualTo(ChartGeometry.FontSize);
        labels.Height.ShouldBeGreaterThan(ChartGeometry.MaxRotatedLabel * Math.Sin(ChartGeometry.LabelAngle * Math.PI / 180));
    }

    [Fact]
    public void ManyLabels_InANarrowChart_WriteOnlyEveryFewth_ThatDoNotTouch()
    {
        string[] names = [.. Enumerable.Range(1, 40).Select(i => $"部门{i}")];

        var labels = ChartGeometry.LayoutX(names, left: 40, plotWidth: 400);

        var shown = labels.Labels.Where(l => l.Shown.Length > 0).ToArray();
        shown.Length.ShouldBeLessThan(names.Length);
        shown[0].Text.ShouldBe("部门1");
        ((shown[1].X - shown[0].X) * Math.Sin(ChartGeometry.LabelAngle * Math.PI / 180)).ShouldBeGreaterThanOrEqualTo(ChartGeometry.FontSize);
    }

    [Fact]
    public void Line_HasAPointPerValue_AndBreaksWhereAMonthHasNone()
    {
        var box = new ChartBox(400, 200, 40, 10, 10, 30);
        var axis = ValueAxis.FromZero(4);

        var line = ChartGeometry.Line([1, null, 3, 4], box, axis);

        line.Points.Select(p => p.Index).ShouldBe([0, 2, 3]);
        line.Points.Select(p => p.X).ShouldBe([box.X(0, 4), box.X(2, 4), box.X(3, 4)]);
        line.Points[^1].Y.ShouldBe(box.Top);
        line.Path.ShouldBe($"M{N(box.X(0, 4))},{N(box.Y(1, axis))} M{N(box.X(2, 4))},{N(box.Y(3, axis))} L{N(box.X(3, 4))},{N(box.Top)}");
    }

    [Fact]
    public void Line_OfASingleValue_IsOnePointInTheMiddle()
    {
        var box = new ChartBox(400, 200, 40, 10, 10, 30);

        var line = ChartGeometry.Line([7], box, ValueAxis.FromZero(7, 1));

        line.Points.ShouldHaveSingleItem().X.ShouldBe(box.Left + box.PlotWidth / 2);
        line.Path.ShouldStartWith("M");
    }

    [Fact]
    public void Line_OfZeros_LiesOnTheAxis()
    {
        var box = new ChartBox(400, 200, 40, 10, 10, 30);

        ChartGeometry.Line([0, 0, 0], box, ValueAxis.FromZero(0, 1)).Points.ShouldAllBe(p => p.Y == box.PlotBottom);
    }

    [Fact]
    public void Bars_StandSideBySideOnTheAxis_AsHighAsTheirValues()
    {
        var box = new ChartBox(440, 260, 40, 10, 10, 30);
        var axis = ValueAxis.FromZero(25, 1);

        var bars = ChartGeometry.Bars([[25, 17], [9, 0]], 2, box, axis);

        bars.Count.ShouldBe(4);
        bars.ShouldAllBe(b => Math.Abs(b.Y + b.Height - box.PlotBottom) < 1e-9);
        bars.Single(b => b.Series == 0 && b.Index == 0).Height.ShouldBe(box.PlotHeight * 25 / axis.Top, 1e-9);
        bars.Single(b => b.Series == 1 && b.Index == 1).Height.ShouldBe(0);
        var (received, valid) = (bars.Single(b => b.Series == 0 && b.Index == 0), bars.Single(b => b.Series == 1 && b.Index == 0));
        valid.X.ShouldBe(received.X + received.Width, 1e-9);
        ((received.X + valid.X + valid.Width) / 2).ShouldBe(box.X(0, 2), 1e-9);
    }

    [Fact]
    public void Donut_SlicesGoClockwiseFromTwelve_AndMakeTheWhole()
    {
        var slices = ChartGeometry.Donut([30, 0, 10], 120, 120, 100, 60);

        slices.Select(s => s.Index).ShouldBe([0, 2]);
        slices.Select(s => s.Fraction).ShouldBe([0.75, 0.25]);
        slices[0].Path.ShouldStartWith("M120,20 A100,100 0 1 1 20,120 ");   // from twelve to nine o'clock, the long way
        slices[1].Path.ShouldStartWith("M20,120 A100,100 0 0 1 120,20 ");
    }

    [Fact]
    public void Donut_OfOneValue_IsAWholeRing_AndOfZerosHasNoSlice()
    {
        ChartGeometry.Donut([0, 5], 120, 120, 100, 60).ShouldHaveSingleItem().Path.ShouldBe(ChartGeometry.Ring(120, 120, 100, 60));
        ChartGeometry.Donut([0, 0], 120, 120, 100, 60).ShouldBeEmpty();
        ChartGeometry.Donut([], 120, 120, 100, 60).ShouldBeEmpty();
    }

    [Fact]
    public void Numbers_AreWrittenForSvg_WithAPointAndNoMinusZero()
    {
        ChartGeometry.Number(12.346).ShouldBe("12.35");
        ChartGeometry.Number(-0.001).ShouldBe("0");
        ChartGeometry.Number(1234.5).ShouldBe("1234.5");
    }

    [Fact]
    public void TextWidth_CountsAChineseCharacterAsWideAsTheFont()
    {
        ChartGeometry.TextWidth("服务").ShouldBe(2 * ChartGeometry.FontSize);
        ChartGeometry.TextWidth("10").ShouldBe(1.2 * ChartGeometry.FontSize, 1e-9);
        ChartGeometry.Fit("客户服务中心投诉处理组", 5 * ChartGeometry.FontSize).ShouldBe("客户服务…");
    }

    private static string N(double v) => ChartGeometry.Number(v);
}
