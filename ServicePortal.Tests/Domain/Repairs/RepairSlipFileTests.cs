using System.Text;
using ServicePortal.Domain.Repairs;
using UglyToad.PdfPig;
using static ServicePortal.Tests.Domain.SlipTesting;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>The repair and feedback slips' files: small, subset fonts, the QR code of the order's page; long text wraps inside the page and flows on.</summary>
public class RepairSlipFileTests
{
    private const double PageLeft = 40, PageRight = 595.28 - 40, FooterTop = 24;

    // Characters that appear nowhere else on the sample slips, so the long text can be picked out of the page text.
    private const string Alphabet = "甲乙丙丁戊己庚辛壬癸丑寅卯辰巳酉戌亥";

    private static byte[] Render(string slip, RepairDetail order) =>
        slip == "repair" ? RepairSlipTesting.RenderRepair(order) : RepairSlipTesting.RenderFeedback(order);

    [Theory]
    [InlineData("repair")]
    [InlineData("feedback")]
    public void Slip_IsAtMost150KB_SubsetFonts_VectorQrOfTheOrdersPage(string slip)
    {
        var pdf = Render(slip, RepairSlipTesting.Reviewed());

        ShouldBeSmallWithSubsetFonts(pdf);
        using var document = PdfDocument.Open(pdf);
        document.Information.Subject.ShouldBe(RepairSlipTesting.Address);
        document.GetPage(1).GetImages().ShouldBeEmpty();
        document.GetPage(1).Width.ShouldBe(595, 1);
        document.GetPage(1).Height.ShouldBe(842, 1);
    }

    [Theory]
    [InlineData("repair", "故障描述")]
    [InlineData("feedback", "维修内容")]
    public void LongText_WrapsInsideThePage_AndFlowsOntoAContinuationPage_WithEveryCharacterInOrder(string slip, string label)
    {
        var text = LongText(4000);
        var order = slip == "repair" ? RepairSlipTesting.Reviewed(fault: text) : RepairSlipTesting.Reviewed(workDone: text);

        var pdf = Render(slip, order);
        Keep($"{slip}-long.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        pages.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var letter in pages.SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)))
        {
            letter.BoundingBox.Left.ShouldBeGreaterThanOrEqualTo(PageLeft - 0.5, $"“{letter.Value}” starts left of the page's margin");
            letter.BoundingBox.Right.ShouldBeLessThanOrEqualTo(PageRight + 0.5, $"“{letter.Value}” runs past the page's margin");
            letter.BoundingBox.Bottom.ShouldBeGreaterThanOrEqualTo(FooterTop - 8, $"“{letter.Value}” runs off the page's foot");
        }
        var title = slip == "repair" ? "维修服务单（续页）" : "客户服务信息反馈单（续页）";
        foreach (var page in pages.Skip(1)) Squeeze(page.Text).ShouldContain(title);
        Squeeze(pages[1].Text).ShouldContain($"{label}（续）");
        var printed = string.Concat(string.Concat(pages.Select(p => p.Text)).Where(c => Alphabet.Contains(c, StringComparison.Ordinal)));
        printed.ShouldBe(string.Concat(text.Where(c => Alphabet.Contains(c, StringComparison.Ordinal))));
        // What follows the long text is still printed, down to the signatures.
        Squeeze(pages[^1].Text).ShouldContain("部门经理签字：");
        pdf.Length.ShouldBeLessThanOrEqualTo(150 * 1024);
    }

    [Fact]
    public void LongValuesInNarrowBoxes_WrapWithinTheirBox()
    {
        var order = RepairSlipTesting.Reviewed() with
        {
            ProductModel = "JB-QB-5000-EXTENDED-CONTROLLER-UNIT-WITH-LONG-NAME",
            SerialNumber = "SN-2026-0000000000000000000001",
            Parts = [new RepairPartView("火灾报警控制器主板（含液晶显示屏及按键板组件，出厂编号另附）", "MB-OLD-000000000000000000000001", "MB-NEW-000000000000000000000002")],
        };

        var pdf = RepairSlipTesting.RenderRepair(order);
        Keep("repair-narrow.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPages().SelectMany(p => p.Letters).ToList();
        letters.ShouldAllBe(l => l.BoundingBox.Right <= PageRight + 0.5);
        var text = Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
        text.ShouldContain("JB-QB-5000-EXTENDED-CONTROLLER-UNIT-WITH-LONG-NAME");
        text.ShouldContain("MB-NEW-000000000000000000000002");
    }

    private static string LongText(int length)
    {
        var random = new Random(9);
        var content = new StringBuilder();
        while (content.Length < length)
        {
            content.Append(Alphabet[random.Next(Alphabet.Length)]);
            if (random.Next(12) == 0) content.Append(random.Next(3) switch { 0 => "，", 1 => "。", _ => " Latin words " });
        }
        return content.ToString(0, length);
    }
}
