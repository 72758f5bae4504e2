using ServicePortal.Domain.Forms;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC X-3: the five numbered copies in one PDF, each page labelled with its copy.</summary>
public class SlipCopiesTests
{
    [Fact]
    public void FiveCopies_AreOneDocument_WithEveryPageLabelledByItsCopy()
    {
        var data = SlipTesting.Sample(string.Concat(Enumerable.Repeat("客户多次来电询问维修进度，一直没有得到明确答复。", 60)));
        var single = SlipTesting.PageTexts(SlipTesting.Render(data)).Count;
        single.ShouldBeGreaterThan(1); // so "every page" means more than the first

        var pdf = SlipTesting.Render(data, 5);
        SlipTesting.Keep("five-copies.pdf", pdf);
        var pages = SlipTesting.PageTexts(pdf);

        pages.Count.ShouldBe(5 * single);
        string[] labels = ["第一联质量管理部存", "第二联制造部门存", "第三联业务部门存", "第四联会计科存", "第五联总经理室存"];
        for (var p = 0; p < pages.Count; p++)
        {
            var text = SlipTesting.Squeeze(pages[p]);
            var copy = p / single;
            text.ShouldContain(labels[copy], customMessage: $"page {p + 1}");
            foreach (var other in labels.Where((_, i) => i != copy)) text.ShouldNotContain(other);
            text.ShouldContain($"第{p % single + 1}页/共{single}页");
        }
    }

    [Fact]
    public void OneCopy_CarriesNoCopyLabel()
    {
        var text = SlipTesting.Squeeze(string.Concat(SlipTesting.PageTexts(SlipTesting.Render(SlipTesting.Sample()))));

        foreach (var label in SlipCopies.Labels) text.ShouldNotContain(SlipTesting.Squeeze(label));
        text.ShouldContain("第1页/共1页");
    }
}
