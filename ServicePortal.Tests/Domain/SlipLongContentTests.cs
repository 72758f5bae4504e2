using System.Text;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC X-3: long text flows onto continuation pages (续页) instead of being cut.</summary>
public class SlipLongContentTests
{
    // Characters that appear nowhere else on the sample slip, so the content can be picked out of the page text.
    private const string Alphabet = "甲乙丙丁戊己庚辛壬癸丑寅卯辰巳酉戌亥";

    [Fact]
    public void LongContent_FlowsOntoASecondPage_WithEveryCharacterInOrder()
    {
        var random = new Random(3);
        var content = new StringBuilder();
        while (content.Length < 3000)
        {
            content.Append(Alphabet[random.Next(Alphabet.Length)]);
            if (random.Next(12) == 0) content.Append(random.Next(3) switch { 0 => "，", 1 => "。", _ => " Latin words " });
        }
        var text = content.ToString(0, 3000);

        var pdf = SlipTesting.Render(SlipTesting.Sample(text));
        SlipTesting.Keep("long-content.pdf", pdf);
        var pages = SlipTesting.PageTexts(pdf);

        pages.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var page in pages.Skip(1))
        {
            var squeezed = SlipTesting.Squeeze(page);
            squeezed.ShouldContain("客户投诉处理单（续页）");
            squeezed.ShouldContain("编号：TS2611001");
        }
        SlipTesting.Squeeze(pages[1]).ShouldContain("投诉内容（续）");
        var printed = string.Concat(string.Concat(pages).Where(c => Alphabet.Contains(c, StringComparison.Ordinal)));
        printed.ShouldBe(string.Concat(text.Where(c => Alphabet.Contains(c, StringComparison.Ordinal))));
        // The fields after the content are still there, on the continuation page.
        SlipTesting.Squeeze(pages[^1]).ShouldContain("经办人");
        SlipTesting.Squeeze(string.Concat(pages)).ShouldContain("退还上门费并书面道歉");
    }
}
