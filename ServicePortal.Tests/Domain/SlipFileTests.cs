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

        SlipTesting.ShouldBeSmallWithSubsetFonts(pdf);
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
