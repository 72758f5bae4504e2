using ServicePortal.Domain.Complaints;

namespace ServicePortal.Tests.Domain;

/// <summary>How texts become index tokens, and search texts become FTS5 queries.</summary>
public class ComplaintSearchTokenizerTests
{
    [Theory]
    [InlineData("空调漏水", "空调 调漏 漏水 水")]
    [InlineData("王", "王")]
    [InlineData("空调，漏水。", "空调 调 漏水 水")]
    [InlineData("安装后8天内跳闸", "安装 装后 后 8 天内 内跳 跳闸 闸")]
    [InlineData("Ivan Petrov 的 AirCon", "ivan petrov 的 aircon")]
    [InlineData("ＡＢＣ１２３ 全角", "abc123 全角 角")]
    [InlineData("  ！？…  ", "")]
    [InlineData("𠀀𠀁好", "𠀀𠀁 𠀁好 好")]
    public void Tokens_AreChineseBigramsWithTheLastCharacter_AndLowerCaseWords(string text, string tokens) =>
        ComplaintSearchIndex.Tokens(text).ShouldBe(tokens);

    [Fact]
    public void Document_KeepsContentAndRequestApart()
    {
        // No bigram 水严 across the two texts: "漏水严重" must not match here.
        ComplaintSearchIndex.Document("楼上漏水", "严重处理").ShouldBe("楼上 上漏 漏水 水 严重 重处 处理 理 ");
    }

    [Theory]
    [InlineData("空调", "\"空调\"")]
    [InlineData("漏水严重", "\"漏水 水严 严重\"")]
    [InlineData("不制冷", "\"不制 制冷\"")]
    [InlineData("王", "\"王\"*")]
    [InlineData("Petr", "\"petr\"*")]
    [InlineData("空调 噪音", "\"空调\" AND \"噪音\"")]
    [InlineData("8天", "\"8\"* AND \"天\"*")]
    [InlineData("ＴＳ２５", "\"ts25\"*")]
    public void MatchExpression_RequiresEveryPart(string search, string match) =>
        ComplaintSearchIndex.MatchExpression(search).ShouldBe(match);

    [Theory]
    [InlineData("NOT 空调", "\"not\"* AND \"空调\"")]
    [InlineData("\"空调\" OR *", "\"空调\" AND \"or\"*")]
    [InlineData("NEAR(a b)", "\"near\"* AND \"a\"* AND \"b\"*")]
    public void MatchExpression_QuotesEveryToken_SoUserTextIsNeverFts5Syntax(string search, string match) =>
        ComplaintSearchIndex.MatchExpression(search).ShouldBe(match);

    [Theory]
    [InlineData("，")]
    [InlineData("!!!")]
    [InlineData("   ")]
    public void MatchExpression_OfPunctuationOnly_IsNull(string search) =>
        ComplaintSearchIndex.MatchExpression(search).ShouldBeNull();
}
