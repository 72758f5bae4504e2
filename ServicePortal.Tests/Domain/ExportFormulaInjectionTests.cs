using ClosedXML.Excel;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Exports;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC X-5: text starting with =, +, - or @ is written as text, never as a formula.</summary>
public class ExportFormulaInjectionTests
{
    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+8613812345678", true)]
    [InlineData("-2+3", true)]
    [InlineData("@SUM(A1:A2)", true)]
    [InlineData("\t=1", true)]
    [InlineData("维修 =1+1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsFormulaLike_RecognisesWhatASpreadsheetWouldRun(string? text, bool expected) =>
        CellText.IsFormulaLike(text).ShouldBe(expected);

    [Fact]
    public void Clean_DropsCharactersXmlCannotHold_AndKeepsTheRest() =>
        CellText.Clean("a\u0001b\u000Bc\td😀e\uFFFF").ShouldBe("abc\td😀e");

    [Fact]
    public async Task Export_FormulaLikeContent_IsReadBackAsTheSameText_AndNoCellHasAFormula()
    {
        await using var f = await DomainFixture.CreateAsync();
        string[] contents = ["=1+1", "+86 138 1234 5678 请回电", "-2+3 收费不对", "@SUM(A1:A2)", "=HYPERLINK(\"http://x\",\"点我\")"];
        foreach (var content in contents)
            await f.RegisterAsync(new ComplaintInputBuilder().WithContent(content).With(i => i.CustomerRequest = content).Build());

        var bytes = await f.ExportAsync(new ComplaintQuery());

        using var book = ExportTesting.Open(bytes);
        var rows = ExportTesting.DataRows(book.Worksheet(1));
        rows.Select(r => r.Cell(12).GetString()).ShouldBe(contents.Reverse(), ignoreOrder: true);
        foreach (var cell in rows.SelectMany(r => r.CellsUsed()))
        {
            cell.HasFormula.ShouldBeFalse(cell.Address.ToString());
            if (CellText.IsFormulaLike(cell.GetString())) cell.DataType.ShouldBe(XLDataType.Text);
        }
        foreach (var xml in ExportTesting.SheetXml(bytes))
        {
            xml.ShouldNotContain("<f>");
            xml.ShouldNotContain("<f ");
        }
    }
}
