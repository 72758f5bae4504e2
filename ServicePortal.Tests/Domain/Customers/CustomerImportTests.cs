using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Customers.Import;
using ServicePortal.Domain.Imports;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.Customers.CustomerFilesTesting;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>Importing a customer list: every row or none, problems by row and column in Chinese, duplicates, who may import what.</summary>
public class CustomerImportTests
{
    [Fact]
    public async Task GoodFile_SavesEveryCustomer_WithBasicDataProductContactAndHistory_AndTheyAreFound()
    {
        await using var f = await DomainFixture.CreateAsync();
        var book = new CustomerListBook().Rows(3).Row(r =>
        {
            r["客户名称"] = "王建国";
            r["类型"] = "个人";
            r["电话"] = "010-6234 5678";
            r["信用等级"] = "a 级";
            r["联系人"] = "王小明";
            r["联系人职务"] = "儿子";
            r["联系人电话"] = "13700001111";
        });

        var report = await f.ImportCustomersAsync(book, "exec");

        report.Problems.ShouldBeEmpty();
        report.Imported.ShouldBe(4);
        report.Total.ShouldBe(4);
        await using var db = f.NewDb();
        var customers = await db.Customers.Include(c => c.Products).Include(c => c.Contacts).OrderBy(c => c.Id).ToListAsync(Ct);
        customers.Count.ShouldBe(4);
        var first = customers[0];
        first.Name.ShouldBe("华兴机电设备00001有限公司");
        first.Kind.ShouldBe(CustomerKind.Organisation);
        first.CreditClass.ShouldBe(CreditClass.B);
        first.Industry.ShouldBe("制造业");
        first.CustomerSince.ShouldBe(new DateOnly(2019, 5, 1));
        first.IsKeyCustomer.ShouldBeFalse();
        customers[1].IsKeyCustomer.ShouldBeTrue();
        first.Products.ShouldHaveSingleItem().SerialNumber.ShouldBe("HX00000001");
        first.Products[0].PurchasedOn.ShouldBe(new DateOnly(2021, 6, 1));
        first.Contacts.ShouldBeEmpty();
        var person = customers[3];
        person.Kind.ShouldBe(CustomerKind.Person);
        person.Phone.ShouldBe("010-62345678");
        person.CreditClass.ShouldBe(CreditClass.A);
        person.Contacts.ShouldHaveSingleItem().Name.ShouldBe("王小明");
        var history = await db.CustomerHistory.Where(h => h.CustomerId == person.Id).SingleAsync(Ct);
        history.Action.ShouldBe("导入");
        history.Note.ShouldStartWith("从客户名单导入（第 5 行）");

        // The name index is kept by its triggers: the imported files are found at once.
        var found = await f.Get<CustomerDirectory>().SearchAsync(new CustomerQuery { Search = "机电设备00002" }, "Clerk", Ct);
        found.Result.Items.ShouldHaveSingleItem().Id.ShouldBe(customers[1].Id);
    }

    [Fact]
    public async Task BadRows_AreReportedByRowAndColumn_AndNothingIsSaved()
    {
        await using var f = await DomainFixture.CreateAsync();
        var book = new CustomerListBook()
            .Row()
            .Row(r => { r["电话"] = "12345"; r["类型"] = "公司法人"; })
            .Row(r => { r["客户名称"] = null; r["信用等级"] = "E"; })
            .Row(r => { r["建立业务关系时间"] = new DateTime(2027, 1, 1); r["保修截止"] = new DateTime(2020, 1, 1); r["重点客户"] = "也许"; })
            .Row(r => { r["序列号"] = "SN-1"; r["产品型号"] = null; r["购买日期"] = "去年"; });

        var report = await f.ImportCustomersAsync(book);

        report.Imported.ShouldBe(0);
        report.HasRejections.ShouldBeTrue();
        report.RejectedRows.ShouldBe(4);
        var problems = report.Problems.Select(p => (p.Row, p.Column, p.Message)).ToList();
        problems.ShouldContain((3, "电话", "电话号码格式不正确：手机号为 1 开头的 11 位数字（第二位 3–9），座机需带区号，如 010-12345678 或 0755-1234567-801"));
        problems.ShouldContain((3, "类型", "“公司法人”无效，应为 个人 或 机构"));
        problems.ShouldContain((4, "客户名称", "请输入客户名称"));
        problems.ShouldContain((4, "信用等级", "“E”无效，信用等级只能是 A、B、C 或 D"));
        problems.ShouldContain((5, "建立业务关系时间", "建立业务关系时间不能晚于今天"));
        problems.ShouldContain((5, "保修截止", "保修截止日期不能早于购买或安装日期"));
        problems.ShouldContain((5, "重点客户", "“也许”无效，应为 是 或 否"));
        problems.ShouldContain((6, "产品型号", "请输入产品型号"));
        problems.ShouldContain((6, "购买日期", "“去年”不是有效的日期：请使用 Excel 日期，或写成 yyyy-MM-dd，如 2019-05-01"));
        problems.ShouldNotContain(p => p.Row == 2);
        report.Rows.Single(r => r.Row == 2).Rejected.ShouldBeFalse();
        report.Rows.Single(r => r.Row == 3).Rejected.ShouldBeTrue();
        await using var db = f.NewDb();
        (await db.Customers.CountAsync(Ct)).ShouldBe(0);
        (await db.CustomerProducts.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task ExistingCustomers_WithTheSamePhoneOrName_AreDuplicates_UntilConfirmed_AndTheHistorySaysSo()
    {
        await using var f = await DomainFixture.CreateAsync();
        var clerk = await f.IdOf("clerk");
        var existing = await f.Get<CustomerFiles>().CreateAsync(Input(), clerk, ct: Ct); // 沈阳安泰消防设备有限公司, 024-23456789
        var book = new CustomerListBook()
            .Row()
            .Row(r => r["电话"] = "024-2345 6789")
            .Row(r => r["客户名称"] = "沈阳安泰消防设备公司");

        var refused = await f.ImportCustomersAsync(book);

        refused.Imported.ShouldBe(0);
        refused.OnlyDuplicates.ShouldBeTrue();
        refused.Problems.Select(p => (p.Row, p.Column, p.Duplicate)).ShouldBe([(3, "电话", true), (4, "客户名称", true)]);
        refused.Problems[0].Message.ShouldBe($"与系统中已有客户 #{existing}“沈阳安泰消防设备有限公司”电话相同，可能是同一客户");
        await using (var db = f.NewDb()) (await db.Customers.CountAsync(Ct)).ShouldBe(1);

        var confirmed = await f.ImportCustomersAsync(book, confirm: true);

        confirmed.Imported.ShouldBe(3);
        confirmed.HasRejections.ShouldBeFalse();
        await using (var db = f.NewDb())
        {
            (await db.Customers.CountAsync(Ct)).ShouldBe(4);
            var id = await db.Customers.Where(c => c.Name == "沈阳安泰消防设备公司").Select(c => c.Id).SingleAsync(Ct);
            (await db.CustomerHistory.SingleAsync(h => h.CustomerId == id, Ct)).Note
                .ShouldContain($"系统提示可能重复（#{existing} 沈阳安泰消防设备有限公司（名称相同）），操作人确认仍然导入");
        }
    }

    [Fact]
    public async Task RowsNamingOneCustomerTwice_AreRefused_EvenWhenDuplicatesAreConfirmed()
    {
        await using var f = await DomainFixture.CreateAsync();
        var book = new CustomerListBook()
            .Row()
            .Row(r => { r["客户名称"] = "华兴机电设备00001有限公司"; r["电话"] = "13900000001"; })
            .Row(r => r["电话"] = "13900000001");

        var report = await f.ImportCustomersAsync(book, confirm: true);

        report.Imported.ShouldBe(0);
        report.Blocking.ShouldHaveSingleItem().ShouldBe(new CustomerImportProblem(3, "", "与第 2 行是同一客户（名称和电话都相同），请删除重复的行", false));
        report.Problems.ShouldContain(new CustomerImportProblem(4, "电话", "与第 2 行电话相同（13900000001），可能是同一客户", true));
    }

    [Fact]
    public async Task Contacts_AreImportedOnlyByARoleThatMaySeeThem()
    {
        await using var f = await DomainFixture.CreateAsync();
        var book = new CustomerListBook().Row(r => { r["联系人"] = "张伟"; r["联系人邮箱"] = "zhangwei"; });

        var clerk = await f.ImportCustomersAsync(book);
        clerk.Problems.ShouldHaveSingleItem().ShouldBe(new CustomerImportProblem(2, "联系人",
            "联系人为机密级，客服内勤不能导入联系人：请删除联系人各列后导入，联系人可由有权查看的人员在档案中添加", false));

        var exec = await f.ImportCustomersAsync(book, "exec");
        exec.Problems.ShouldHaveSingleItem().ShouldBe(new CustomerImportProblem(2, "联系人邮箱", "邮箱格式不正确，如 name@example.com", false));

        await Should.ThrowAsync<NotPermittedException>(() => f.ImportCustomersAsync(new CustomerListBook().Row(), "admin"));
    }

    [Fact]
    public async Task MissingRequiredColumn_RefusesTheFile_NamingIt()
    {
        await using var f = await DomainFixture.CreateAsync();
        var book = new CustomerListBook().Headers("客户名称", "类型", "地址").Row();

        var e = await Should.ThrowAsync<ImportFileException>(() => f.ImportCustomersAsync(book));

        e.Message.ShouldBe("表头缺少必填列：电话。请使用导入模板，第一行为表头，列名不要修改。");
    }

    [Fact]
    public async Task ARegisterExport_WithItsTitleRowAndIdColumn_IsRead()
    {
        await using var f = await DomainFixture.CreateAsync();
        var book = new CustomerListBook().Headers("客户编号", "客户名称", "类型", "电话", "地址", "服务区域", "重点客户", "信用等级", "所属行业").Row();

        var report = await f.PreviewCustomersAsync(book);

        report.Problems.ShouldBeEmpty();
        report.Rows.ShouldHaveSingleItem().CreditClass.ShouldBe("B");
    }

    [Fact]
    public async Task ManyRows_AreSavedInBatches_EachWithItsOwnHistory()
    {
        await using var f = await DomainFixture.CreateAsync();
        f.Get<CustomerImport>().Batching = WriteBatches.Fixed(1_000);
        var rows = 1_000 * 2 + 17;

        var report = await f.ImportCustomersAsync(new CustomerListBook().Rows(rows));

        report.Imported.ShouldBe(rows);
        report.Rows.Count.ShouldBe(ImportLimits.PreviewRows);
        await using var db = f.NewDb();
        (await db.Customers.CountAsync(Ct)).ShouldBe(rows);
        (await db.CustomerProducts.CountAsync(Ct)).ShouldBe(rows);
        var notes = await db.CustomerHistory.Join(db.Customers, h => h.CustomerId, c => c.Id, (h, c) => new { h.Note, c.Name }).ToListAsync(Ct);
        notes.Count.ShouldBe(rows);
        notes.ShouldAllBe(n => n.Note.Contains(n.Name));
    }

    [Fact]
    public async Task Template_IsRefusedForItsExampleRow_AndImportsOnceItIsDeleted()
    {
        await using var f = await DomainFixture.CreateAsync();
        var import = f.Get<CustomerImport>();
        using var file = new MemoryStream();
        await import.WriteTemplateAsync(file, Ct);
        file.Position = 0;
        using var wb = new XLWorkbook(file);
        wb.Worksheets.Select(w => w.Name).ShouldBe(["客户名单", "说明", "可选值"]);
        wb.Worksheet("客户名单").Row(1).CellsUsed().Select(c => c.GetString()).ShouldBe(CustomerImportColumns.All.Select(c => c.TemplateHeader));
        wb.Worksheet("可选值").Column(1).CellsUsed().Select(c => c.GetString()).ShouldBe(["类型", "个人", "机构"]);
        var exec = await f.IdOf("exec");

        file.Position = 0;
        var asDownloaded = await import.PreviewAsync(file, exec, ct: Ct);
        asDownloaded.Problems.ShouldHaveSingleItem().Message.ShouldBe("这是模板中的示例行，请删除后再导入");

        wb.Worksheet("客户名单").Cell(2, 1).SetValue("华兴机电设备有限公司");
        using var filled = new MemoryStream();
        wb.SaveAs(filled);
        filled.Position = 0;
        var report = await import.ImportAsync(filled, exec, ct: Ct);
        report.Problems.ShouldBeEmpty();
        report.Imported.ShouldBe(1);
        await using var db = f.NewDb();
        var c = await db.Customers.Include(x => x.Contacts).Include(x => x.Products).SingleAsync(Ct);
        (c.Phone, c.CreditClass, c.FoundedOn, c.Contacts.Single().Role, c.Products.Single().WarrantyEnd)
            .ShouldBe(("010-62345678", CreditClass.A, new DateOnly(2008, 3, 18), "设备主管", new DateOnly(2024, 6, 14)));
    }
}
