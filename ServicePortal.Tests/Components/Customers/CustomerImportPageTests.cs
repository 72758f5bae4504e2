using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Components.Pages.Customers;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Domain.Customers;

namespace ServicePortal.Tests.Components.Customers;

/// <summary>The customer import page: upload → problems by row and column → confirm possible duplicates → import all after confirmation.</summary>
public class CustomerImportPageTests : PortalComponentTest
{
    private IRenderedComponent<CustomerImportPage> Open()
    {
        var page = RenderWithProviders<CustomerImportPage>();
        page.Find("[data-testid=import-empty]");
        return page;
    }

    private static void Upload(IRenderedComponent<CustomerImportPage> page, CustomerListBook book)
    {
        using var file = book.Build();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file.ToArray(), "客户名单.xlsx"));
    }

    private static List<(string Row, string Column, string Problem)> Problems(IRenderedComponent<CustomerImportPage> page) =>
        page.FindAll("[data-testid=import-problem]").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(c => (c[0], c[1], c[2])).ToList();

    [Fact]
    public async Task BadRows_AreListedByRowColumnAndReason_AndThereIsNoImportButton()
    {
        await SignInAsync("clerk");
        var page = Open();

        Upload(page, new CustomerListBook().Row().Row(r => { r["电话"] = "12345"; r["类型"] = "法人"; }));

        page.WaitForAssertion(() => page.Find("[data-testid=import-rejected]"));
        Problems(page).ShouldBe([
            ("3", "类型", "“法人”无效，应为 个人 或 机构"),
            ("3", "电话", "电话号码格式不正确：手机号为 1 开头的 11 位数字（第二位 3–9），座机需带区号，如 010-12345678 或 0755-1234567-801"),
        ]);
        page.Find("[data-testid=import-summary]").TextContent.ShouldContain("共 2 行数据，1 行有问题，本文件不会导入任何数据");
        page.FindAll("[data-testid=import-preview-row]").Count.ShouldBe(2);
        page.FindAll("[data-testid=import-run]").ShouldBeEmpty();
        page.FindAll("[data-testid=import-confirm-duplicates]").ShouldBeEmpty();
    }

    [Fact]
    public async Task PossibleDuplicates_NeedTheCheckbox_ThenTheFileIsImportedAfterConfirmation()
    {
        var clerk = await SignInAsync("clerk");
        await Domain.Get<CustomerFiles>().CreateAsync(CustomerFilesTesting.Input("老客户", "13900000002"), clerk.Id, ct: Ct);
        var page = Open();

        Upload(page, new CustomerListBook().Rows(2));

        page.WaitForAssertion(() => page.Find("[data-testid=import-confirm-duplicates]"));
        var problem = Problems(page).ShouldHaveSingleItem();
        (problem.Row, problem.Column).ShouldBe(("3", "电话"));
        problem.Problem.ShouldStartWith("可能重复");
        page.FindAll("[data-testid=import-run]").ShouldBeEmpty();

        page.Find("input[type=checkbox]").Change(true);
        page.WaitForAssertion(() => page.Find("[data-testid=import-run]").TextContent.Trim().ShouldBe("导入全部 2 条"));
        (await CountAsync()).ShouldBe(1);

        _ = page.Find("[data-testid=import-run]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find(".mud-message-box"));
        Host.FindAll(".mud-message-box button").Single(b => b.TextContent.Trim() == "导入").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=import-done]").TextContent.ShouldContain("已导入 2 位客户"));
        (await CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task AFileThatIsNotAWorkbook_ShowsWhy()
    {
        await SignInAsync("staff");
        var page = Open();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("客户名称,电话", "客户.csv"));

        page.WaitForAssertion(() => page.Find("[data-testid=import-file-error]").TextContent.ShouldContain("文件不是 Excel 工作簿（.xlsx）"));
    }

    private async Task<int> CountAsync()
    {
        await using var db = Domain.NewDb();
        return await db.Customers.CountAsync(Ct);
    }
}
