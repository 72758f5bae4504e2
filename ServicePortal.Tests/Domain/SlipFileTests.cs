using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace ServicePortal.Tests.Domain;

/// <summary>The slip's file: small, fonts embedded as subsets, the QR code drawn as vectors.</summary>
public class SlipFileTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Slip_IsAtMost150KB_WithBothFontsEmbeddedAsSubsets(int copies)
    {
        var pdf = SlipTesting.Render(SlipTesting.Sample(), copies);

        pdf.Length.ShouldBeLessThanOrEqualTo(150 * 1024);
        using var document = PdfDocument.Open(pdf);
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().Order().ToList();
        fonts.Count.ShouldBe(2);
        fonts.ShouldAllBe(name => name != null && Regex.IsMatch(name, @"^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$"));
        // Each font program is in the file once, however many copies it prints.
        Regex.Count(Encoding.Latin1.GetString(pdf), "/FontFile2").ShouldBe(2);
    }

    [Fact]
    public void QrCode_IsVectorGraphics_OfTheCaseAddress()
    {
        var pdf = SlipTesting.Render(SlipTesting.Sample());

        using var document = PdfDocument.Open(pdf);
        document.Information.Subject.ShouldBe(SlipTesting.Address);
        document.GetPage(1).GetImages().ShouldBeEmpty();
    }
}
