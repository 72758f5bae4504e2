using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Components.Pages.Imports;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Components;

/// <summary>The import page: upload → preview and report of rejected rows → import all after confirmation.</summary>
public class ImportPageTests : PortalComponentTest
{
    private IRenderedComponent<ComplaintImport> Open()
    {
        var page = RenderWithProviders<ComplaintImport>();
        page.Find("[data-testid=import-empty]");
        return page;
    }

    private static void Upload(IRenderedComponent<ComplaintImport> page, ImportWorkbookBuilder book, string name = "台账.xlsx")
    {
        using var file = book.Build();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file.ToArray(), name));
    }

    [Fact]
    public async Task ABadRow_IsListedWithItsReasons_AndThereIsNoImportButton()
    {
        await SignInAsync("clerk");
        var page = Open();

        Upload(page, new ImportWorkbookBuilder().Row().Row(r => { r["联系电话"] = "12345"; r["投诉渠道"] = "微信"; }));

        page.WaitForAssertion(() => page.Find("[data-testid=import-rejected]"));
        var rejected = page.FindAll("[data-testid=import-rejected-row]").ShouldHaveSingleItem();
        rejected.QuerySelector("td")!.TextContent.Trim().ShouldBe("3");
        rejected.QuerySelectorAll("li").Select(li => li.TextContent).ShouldBe([
            "投诉渠道：“微信”不是投诉渠道，应为 电话、来访、信函、电子邮件、网上、回访中发现",
            "联系电话：电话号码格式不正确：手机号为 1 开头的 11 位数字（第二位 3–9），座机需带区号，如 010-12345678 或 0755-1234567-801",
        ]);
        page.Find("[data-testid=import-summary]").TextContent.ShouldContain("本文件不会导入任何数据");
        page.FindAll("[data-testid=import-preview-row]").Count.ShouldBe(2);
        page.FindAll("[data-testid=import-run]").ShouldBeEmpty();
    }

    [Fact]
    public async Task AGoodFile_IsPreviewed_ThenImportedAfterConfirmation()
    {
        await SignInAsync("clerk");
        var page = Open();

        Upload(page, new ImportWorkbookBuilder().Row().Row(number: "TS2610020"));

        page.WaitForAssertion(() => page.Find("[data-testid=import-run]").TextContent.Trim().ShouldBe("导入全部 2 条"));
        var numbers = page.FindAll("[data-testid=import-preview-row] td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        numbers[0].ShouldStartWith("TS2610021");
        numbers[0].ShouldEndWith("自动编号");
        numbers[1].ShouldBe("TS2610020");
        (await CountAsync()).ShouldBe(0);

        _ = page.Find("[data-testid=import-run]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find(".mud-message-box"));
        Host.FindAll(".mud-message-box button").Single(b => b.TextContent.Trim() == "导入").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=import-done]").TextContent.ShouldContain("已导入 2 件投诉"));
        (await CountAsync()).ShouldBe(2);
        page.FindAll("[data-testid=import-run]").ShouldBeEmpty();
    }

    [Fact]
    public async Task AFileThatIsNotAWorkbook_ShowsWhy()
    {
        await SignInAsync("clerk");
        var page = Open();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("受理时间,客户姓名", "台账.csv"));

        page.WaitForAssertion(() => page.Find("[data-testid=import-file-error]").TextContent.ShouldContain("文件不是 Excel 工作簿（.xlsx）"));
    }

    private async Task<int> CountAsync()
    {
        await using var db = Domain.NewDb();
        return await db.Complaints.CountAsync(Ct);
    }
}
