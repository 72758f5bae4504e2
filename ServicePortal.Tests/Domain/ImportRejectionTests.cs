using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>All or none: one bad row and nothing is imported; the report names every bad row and every reason.</summary>
public class ImportRejectionTests
{
    [Fact]
    public async Task OneBadRow_ImportsNothing_AndTheReportNamesTheRowAndTheReason()
    {
        await using var f = await DomainFixture.CreateAsync();

        var report = await f.ImportAsync(new ImportWorkbookBuilder()
            .Row()
            .Row(r => r["联系电话"] = "12345")
            .Row());

        report.Imported.ShouldBe(0);
        report.Total.ShouldBe(3);
        var rejected = report.Rejected.ShouldHaveSingleItem();
        rejected.Row.ShouldBe(3);
        rejected.Errors.ShouldHaveSingleItem().ShouldStartWith("联系电话：电话号码格式不正确");
        (await f.CountRowsAsync()).ShouldBe((0, 0, 0, 0));
    }

    [Fact]
    public async Task EveryReasonOfARow_IsReported()
    {
        await using var f = await DomainFixture.CreateAsync();

        var report = await f.ImportAsync(new ImportWorkbookBuilder().Row(r =>
        {
            r["客户姓名"] = null;
            r["投诉渠道"] = "微信";
            r["投诉类别"] = "不存在的类别";
            r["严重程度"] = "特急";
            r["受理时间"] = "2026-12-01 09:00"; // after the clock's now (2026-11-24)
        }, number: "TS2612001"));

        var rejected = report.Rejected.ShouldHaveSingleItem();
        rejected.Number.ShouldBe("TS2612001");
        rejected.Errors.ShouldBe([
            "投诉渠道：“微信”不是投诉渠道，应为 电话、来访、信函、电子邮件、网上、回访中发现",
            "严重程度：“特急”不是严重程度，应为 一般、重大、紧急",
            "投诉类别：“不存在的类别”不是系统中的投诉类别，应为 服务态度、维修质量、收费、工程质量、设备故障、环境卫生、安全、其他",
            "客户姓名：请输入客户姓名",
            "受理时间：受理时间不能晚于当前时间",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task SeveralBadRows_AreAllReported_WithTheirExcelRowNumbers()
    {
        await using var f = await DomainFixture.CreateAsync();

        var report = await f.ImportAsync(new ImportWorkbookBuilder()
            .Row(r => r["投诉内容"] = "")
            .Row()
            .Row(r => r["受理时间"] = "2026-10-15")
            .Row(r => r["处理状态"] = "调查中"));

        report.Rejected.Select(r => r.Row).ShouldBe([2, 4, 5]);
        report.Rejected[0].Errors.ShouldBe(["投诉内容：请输入投诉内容"]);
        report.Rejected[1].Errors.ShouldHaveSingleItem().ShouldContain("缺少时刻");
        report.Rejected[2].Errors.ShouldHaveSingleItem().ShouldStartWith("处理状态：“调查中”无法导入");
        report.Rows.Select(r => r.Rejected).ShouldBe([true, false, true, true]);
        (await f.CountRowsAsync()).Complaints.ShouldBe(0);
    }

    [Fact]
    public async Task ClosedCase_NeedsValidityAndClosedTime_AndOpenCaseMustNotHaveThem()
    {
        await using var f = await DomainFixture.CreateAsync();

        var report = await f.ImportAsync(new ImportWorkbookBuilder()
            .Row(r => r["处理状态"] = "已结案")
            .Row(r => { r["处理状态"] = "已结案"; r["是否成立"] = "不成立"; r["责任部门"] = "维修部"; r["结案时间"] = "2026-10-14 10:00"; })
            .Row(r => r["结案时间"] = "2026-10-20 10:00"), userName: "head");

        report.Rejected.Select(r => r.Errors).ShouldBe([
            ["是否成立：已结案的投诉请填写是否成立（成立 或 不成立）", "结案时间：请填写结案时间"],
            ["责任部门：不成立的投诉没有责任部门，请留空", "结案时间：结案时间不能早于受理时间"],
            ["处理状态：状态为“已受理”的投诉尚未判定和结案，“结案时间”应留空（或把处理状态填为“已结案”）"],
        ]);
    }

    [Fact]
    public async Task UnknownOrDisabledOwner_IsRejected()
    {
        await using var f = await DomainFixture.CreateAsync();

        var report = await f.ImportAsync(new ImportWorkbookBuilder()
            .Row(r => r["首问责任人"] = "无名氏")
            .Row(r => r["首问责任人"] = "exec"));

        report.Rejected.Select(r => r.Errors.Single()).ShouldBe([
            "首问责任人：系统中没有用户名或姓名为“无名氏”的账户",
            "首问责任人：王总（总经理）不能作为首问责任人",
        ]);
    }

    [Fact]
    public async Task TheTemplatesExampleRow_IsRejectedUntilDeleted()
    {
        await using var f = await DomainFixture.CreateAsync();

        var report = await f.ImportAsync(new ImportWorkbookBuilder().Row(number: "示例（导入前请删除此行）").Row());

        report.Rejected.ShouldHaveSingleItem().Errors.ShouldBe(["这是模板中的示例行，请删除后再导入"]);
    }
}
