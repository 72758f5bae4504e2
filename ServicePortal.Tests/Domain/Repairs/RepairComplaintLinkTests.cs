using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>A complaint about a repair (category 维修质量) is linked to the order, both ways.</summary>
public class RepairComplaintLinkTests
{
    [Fact]
    public async Task RepairQualityComplaint_IsLinkedBothWays()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var order = await r.RegisterAsync();

        var complaint = await f.RegisterAsync(new ComplaintInputBuilder().WithCategory("维修质量").With(i => i.RepairNumber = " " + order.Number.ToLowerInvariant()).Build());

        complaint.RepairNumber.ShouldBe(order.Number);
        complaint.History[0].Note.ShouldContain($"关于维修单 {order.Number}");
        (await r.GetAsync(order.Number)).Complaints.ShouldBe([complaint.Number]);
    }

    [Theory]
    [InlineData("维修质量", "WX9901999", "不存在")]
    [InlineData("维修质量", "TS2611001", "格式不正确")]
    [InlineData("服务态度", null, "只有类别为“维修质量”")]
    public async Task WrongLink_IsRefused_AndNothingSaved(string category, string? number, string message)
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var order = await r.RegisterAsync();
        var before = await f.CountRowsAsync();

        var errors = await f.ErrorsAsync(new ComplaintInputBuilder().WithCategory(category).With(i => i.RepairNumber = number ?? order.Number).Build());

        errors["repairNumber"].Single().ShouldContain(message);
        (await f.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task NoRepairNumber_LeavesTheComplaintUnlinked()
    {
        await using var f = await DomainFixture.CreateAsync();
        var complaint = await f.RegisterAsync(new ComplaintInputBuilder().WithCategory("维修质量").Build());
        complaint.RepairNumber.ShouldBeNull();
    }
}
