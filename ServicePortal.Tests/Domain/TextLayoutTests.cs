using ServicePortal.Domain.Forms;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Line breaking of the printed forms (SPEC X-3), on a fixed-width measure: a Chinese character is
/// 2 units wide, any other character 1. Lines are joined with "|" in the expectations.
/// </summary>
public class TextLayoutTests
{
    private static float Measure(string text)
    {
        var width = 0f;
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) width += TextLayout.IsBreakAnywhere(e.GetTextElement()) ? 2 : 1;
        return width;
    }

    private static string Wrap(string text, float width) => string.Join("|", TextLayout.Wrap(text, width, Measure));

    [Theory]
    // Chinese breaks between any two characters, as late as the width allows.
    [InlineData("一二三四五六七八九十", 10, "一二三四五|六七八九十")]
    [InlineData("一二三四五六七", 10, "一二三四五|六七")]
    // A closing mark never starts a line: the character before it moves down with it.
    [InlineData("一二三四，五六七八九", 8, "一二三|四，五六|七八九")]
    [InlineData("一二三四。」五六", 8, "一二三|四。」五|六")]
    [InlineData("一二三 ，四", 8, "一二|三 ，四")]
    [InlineData("一二三四）", 8, "一二三|四）")]
    [InlineData("一二三四)", 8, "一二三|四)")]
    [InlineData("一二三四、五", 8, "一二三|四、五")]
    [InlineData("一二三四！", 8, "一二三|四！")]
    [InlineData("一二三四？", 8, "一二三|四？")]
    [InlineData("一二三四；", 8, "一二三|四；")]
    [InlineData("一二三四：", 8, "一二三|四：")]
    [InlineData("一二三四》", 8, "一二三|四》")]
    [InlineData("一二三四』", 8, "一二三|四』")]
    [InlineData("一二三四】", 8, "一二三|四】")]
    // An opening mark never ends a line: it moves down with the character after it.
    [InlineData("一二三（四", 8, "一二三|（四")]
    [InlineData("一二三「四」", 8, "一二三|「四」")]
    [InlineData("一二三《四》", 8, "一二三|《四》")]
    [InlineData("一二三【四】", 8, "一二三|【四】")]
    [InlineData("一二三(四", 8, "一二三|(四")]
    [InlineData("一二三（ 四", 8, "一二三|（ 四")]
    // Latin words and numbers stay whole; spaces where a line breaks are dropped.
    [InlineData("hello world", 8, "hello|world")]
    [InlineData("hello, world", 6, "hello,|world")]
    [InlineData("aaaa bbbb", 4, "aaaa|bbbb")]
    [InlineData("投诉TS2611001已处理", 12, "投诉|TS2611001已|处理")]
    [InlineData("退款300.00元", 8, "退款|300.00元")]
    [InlineData("金额 ¥1,234.50 已退", 10, "金额|¥1,234.50|已退")]
    [InlineData("客户 email: wang@example.com", 20, "客户 email:|wang@example.com")]
    // A word longer than a line breaks anyway, filling each line.
    [InlineData("abc defghijklmn", 8, "abc|defghijk|lmn")]
    [InlineData("https://portal.example.com/complaints", 12, "https://port|al.example.c|om/complaint|s")]
    // Line feeds start new lines; empty lines are kept; leading spaces of a paragraph stay.
    [InlineData("第一行\n第二行", 20, "第一行|第二行")]
    [InlineData("a\r\n\r\nb", 20, "a||b")]
    [InlineData("  缩进", 20, "  缩进")]
    [InlineData("", 20, "")]
    // Characters outside the basic plane are one character, never split.
    [InlineData("𠀀𠀁𠀂", 4, "𠀀𠀁|𠀂")]
    public void Wrap_BreaksLines_ByTheRulesOfChineseTypesetting(string text, float width, string expected) =>
        Wrap(text, width).ShouldBe(expected);

    [Fact]
    public void Wrap_OfLongMixedText_KeepsEveryCharacter_AndNoLineBreaksARule()
    {
        var random = new Random(7);
        string[] pieces = ["维", "修", "人", "员", "，", "。", "、", "（", "）", "「", "」", "《", "》", "：", "！", "Repair", "fee", "300", "yuan,", "OK.", " ", " ", "TS2611001", "¥1,200.00"];
        var text = string.Concat(Enumerable.Range(0, 3000).Select(_ => pieces[random.Next(pieces.Length)]));

        var lines = TextLayout.Wrap(text, 40, Measure);

        string.Concat(lines).Replace(" ", "", StringComparison.Ordinal).ShouldBe(text.Replace(" ", "", StringComparison.Ordinal));
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            TextLayout.Closing.ShouldNotContain(line[0], $"line starts with closing punctuation: {line}");
            TextLayout.Opening.ShouldNotContain(line[^1], $"line ends with opening punctuation: {line}");
            Measure(line).ShouldBeLessThanOrEqualTo(40 + 2 * 3, $"line too wide: {line}"); // a glued group may overhang by its marks
        }
        lines.Count.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Wrap_NeverSplitsALatinWord_ThatFitsOnALine()
    {
        var text = string.Concat(Enumerable.Repeat("客户反映 technician 迟到 2 hours，要求 refund。", 40));

        var lines = TextLayout.Wrap(text, 30, Measure);

        var words = lines.SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l, "[A-Za-z0-9]+").Select(m => m.Value)).ToList();
        words.ShouldAllBe(w => w == "technician" || w == "2" || w == "hours" || w == "refund");
    }
}
