using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC X-1: the export holds exactly the rows the register shows for the same filter, in its order, without a cap.</summary>
public class ExportRegisterFilterTests
{
    [Fact]
    public async Task Export_WithTheRegisterFilter_HoldsTheSameRowsInTheSameOrder_AndNamesTheFilterInTheTitle()
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.RegisterAsync(new ComplaintInputBuilder().WithChannel(ComplaintChannel.Phone).ReceivedAt(Beijing(2026, 11, 20, 9, 0)).PromisedReplyAt(Beijing(2026, 11, 20, 17, 0)).Build());
        await f.RegisterAsync(new ComplaintInputBuilder().WithChannel(ComplaintChannel.Visit).ReceivedAt(Beijing(2026, 11, 21, 9, 0)).PromisedReplyAt(Beijing(2026, 11, 21, 17, 0)).Build());
        await f.RegisterAsync(new ComplaintInputBuilder().WithChannel(ComplaintChannel.Phone).WithCustomer("阿明", "13900001111").ReceivedAt(Beijing(2026, 11, 22, 9, 0)).PromisedReplyAt(Beijing(2026, 11, 23, 17, 0)).Build());
        var query = new ComplaintQuery { Channel = ComplaintChannel.Phone, Sort = ComplaintSort.Customer, Descending = false };

        using var book = ExportTesting.Open(await f.ExportAsync(query));

        var register = await f.Get<ComplaintService>().SearchAsync(query with { PageSize = 200 }, TestContext.Current.CancellationToken);
        var sheet = book.Worksheet(1);
        ExportTesting.DataRows(sheet).Select(r => r.Cell(1).GetString()).ShouldBe(register.Items.Select(i => i.Number));
        register.TotalCount.ShouldBe(2);
        ExportTesting.DataRows(sheet).Select(r => r.Cell(5).GetString()).ShouldAllBe(c => c == "电话");
        sheet.Cell(1, 1).GetString().ShouldContain("渠道：电话；排序：客户顺序");
    }

    [Fact]
    public async Task Export_IgnoresTheRegisterPage_AndWritesEveryMatchingRow()
    {
        await using var f = await DomainFixture.CreateAsync();
        for (var i = 0; i < 25; i++) await f.RegisterAsync(new ComplaintInputBuilder().Build());

        using var book = ExportTesting.Open(await f.ExportAsync(new ComplaintQuery { Page = 1, PageSize = 10 }));

        ExportTesting.DataRows(book.Worksheet(1)).Count.ShouldBe(25);
    }
}
