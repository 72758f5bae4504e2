using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>A given number is unique: not twice in the file, not already in the portal, and of the received month.</summary>
public class ImportDuplicateNumberTests
{
    [Fact]
    public async Task NumberTwiceInTheFile_RejectsBothRows()
    {
        await using var f = await DomainFixture.CreateAsync();

        var report = await f.ImportAsync(new ImportWorkbookBuilder()
            .Row(number: "TS2610003")
            .Row()
            .Row(number: "ts2610003"));

        report.Imported.ShouldBe(0);
        report.Rejected.Select(r => (r.Row, r.Number, r.Errors.Single())).ShouldBe([
            (2, "TS2610003", "投诉编号：TS2610003 在文件中重复（另见第 4 行）"),
            (4, "TS2610003", "投诉编号：TS2610003 在文件中重复（另见第 2 行）"),
        ]);
        (await f.CountRowsAsync()).Complaints.ShouldBe(0);
    }

    [Fact]
    public async Task NumberAlreadyInThePortal_IsRejected_AndNothingIsImported()
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.ImportAsync(new ImportWorkbookBuilder().Row(number: "TS2610003"));

        var report = await f.ImportAsync(new ImportWorkbookBuilder().Row().Row(number: "TS2610003"));

        report.Rejected.ShouldHaveSingleItem().Errors.ShouldBe(["投诉编号：TS2610003 在系统中已存在，编号不能重复使用（留空可自动编号）"]);
        (await f.CountRowsAsync()).Complaints.ShouldBe(1);
    }

    [Fact]
    public async Task NumberOfAnotherMonthOrMalformed_IsRejected()
    {
        await using var f = await DomainFixture.CreateAsync();

        var report = await f.ImportAsync(new ImportWorkbookBuilder()
            .Row(number: "TS2609001")
            .Row(number: "TS26100")
            .Row(number: "TS2610000"));

        report.Rejected.Select(r => r.Errors.Single()).ShouldBe([
            "投诉编号：TS2609001 的年月与受理时间（2026 年 10 月）不一致，应以 TS2610 开头",
            "投诉编号：“TS26100”格式不正确，应为 TS + 年(2位) + 月(2位) + 序号(3–6位)，如 TS2403015；留空则自动编号",
            "投诉编号：“TS2610000”格式不正确，应为 TS + 年(2位) + 月(2位) + 序号(3–6位)，如 TS2403015；留空则自动编号",
        ]);
    }
}
