using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>SPEC: the request's fields, the warranty, the repeat-repair flag.</summary>
public class RepairIntakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(2025, 11, 25, true)]   // the warranty's last day is 2026-11-24, today
    [InlineData(2025, 11, 24, false)]  // ended yesterday
    [InlineData(2026, 11, 24, true)]   // bought today
    public async Task Warranty_IsTwelveMonthsFromThePurchaseDate(int y, int m, int d, bool inWarranty)
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);

        var order = await r.RegisterAsync(RepairCycle.Request(q => q.PurchaseDate = new DateOnly(y, m, d)));

        order.InWarranty.ShouldBe(inWarranty);
        order.WarrantyOverrideReason.ShouldBeEmpty();
    }

    [Fact]
    public async Task Warranty_CanBeSetByHand_OnlyWithAReason()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);

        var error = await Should.ThrowAsync<InputInvalidException>(() => r.RegisterAsync(RepairCycle.Request(q =>
        {
            q.PurchaseDate = new DateOnly(2020, 1, 1);
            q.WarrantyOverride = true;
        })));
        error.Errors.Keys.ShouldBe(["warrantyOverrideReason"]);

        var order = await r.RegisterAsync(RepairCycle.Request(q =>
        {
            q.PurchaseDate = new DateOnly(2020, 1, 1);
            q.WarrantyOverride = true;
            q.WarrantyOverrideReason = "延保合同 YB-2023-08";
        }));
        order.InWarranty.ShouldBeTrue();
        order.WarrantyOverrideReason.ShouldBe("延保合同 YB-2023-08");
    }

    [Fact]
    public async Task BadInput_GetsAChineseMessagePerField_AndNothingIsSaved_NorANumberTaken()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);

        var error = await Should.ThrowAsync<InputInvalidException>(() => r.RegisterAsync(RepairCycle.Request(q =>
        {
            q.SerialNumber = "";
            q.ContactPhone = "12345";
            q.FaultCategory = "坏了";
            q.ProductModel = " ";
            q.Channel = null;
        })));
        error.Errors["serialNumber"].ShouldBe(["保修期内的产品请填写序列号"]);
        error.Errors["contactPhone"].Single().ShouldStartWith("电话号码格式不正确");
        error.Errors["faultCategory"].Single().ShouldContain("不存在");
        error.Errors["productModel"].ShouldBe(["请输入产品型号"]);
        error.Errors["channel"].ShouldBe(["请选择报修渠道"]);
        var future = await Should.ThrowAsync<InputInvalidException>(() => r.RegisterAsync(RepairCycle.Request(q => q.PurchaseDate = new DateOnly(2026, 11, 25))));
        future.Errors["purchaseDate"].ShouldBe(["购买日期不能晚于今天"]);

        await using var db = r.NewDb();
        (await db.RepairOrders.CountAsync(Ct)).ShouldBe(0);
        (await db.RepairSerials.CountAsync(Ct)).ShouldBe(0);
        (await db.Customers.CountAsync(Ct)).ShouldBe(0);
        (await r.RegisterAsync()).Number.ShouldBe("WX2611001");
    }

    [Fact]
    public async Task WrongRole_CannotRegister()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);

        await Should.ThrowAsync<NotPermittedException>(() => r.RegisterAsync(userName: "admin"));
    }

    [Theory]
    [InlineData(89, true)]
    [InlineData(90, true)]
    [InlineData(91, false)]
    public async Task SameFaultOnTheSameProduct_WithinNinetyDaysOfCompletion_IsARepeat(int days, bool repeat)
    {
        // Completed on 2026-11-24 late in the evening; the window is counted in Beijing calendar days (across month ends).
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var first = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(first, RepairStage.InRepair);
        f.Time.SetUtcNow(Beijing(2026, 11, 24, 23, 50));
        await r.Repairs.CompleteAsync(first, r.Id("staff"), null, RepairCycle.Completion(), Ct);
        f.Time.SetUtcNow(Beijing(2026, 11, 25, 0, 10).AddDays(days - 1));

        var warning = await r.Repairs.RepeatCheckAsync(RepairCycle.Request(), Ct);
        var second = await r.RegisterAsync();

        (warning is not null).ShouldBe(repeat);
        (second.RepeatOf is not null).ShouldBe(repeat);
        if (!repeat) return;
        warning!.Number.ShouldBe(first);
        second.RepeatOf.ShouldBe(new RepeatOfView(first, "刘师傅"));
        (await r.GetAsync(first)).RepeatedBy.ShouldBe([second.Number]);
    }

    [Fact]
    public async Task AnotherFault_OrAnotherProduct_IsNotARepeat_WithoutSerialTheModelAtTheCustomerIs()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var noSerial = RepairCycle.Request(q => { q.SerialNumber = ""; q.PurchaseDate = new DateOnly(2020, 1, 1); });
        var first = (await r.RegisterAsync(noSerial)).Number;
        var serial = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(first, RepairStage.Completed);
        await r.WalkToAsync(serial, RepairStage.Completed);
        f.Time.Advance(TimeSpan.FromDays(10));

        (await r.RegisterAsync(RepairCycle.Request(q => q.FaultCategory = "通讯故障"))).RepeatOf.ShouldBeNull();
        (await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = "SN-OTHER"))).RepeatOf.ShouldBeNull();
        (await r.RegisterAsync(RepairCycle.Request(q => { q.SerialNumber = ""; q.PurchaseDate = new DateOnly(2020, 1, 1); q.ProductModel = "JB-QB-6000"; }))).RepeatOf.ShouldBeNull();
        (await r.RegisterAsync(RepairCycle.Request(q => { q.SerialNumber = ""; q.PurchaseDate = new DateOnly(2020, 1, 1); }))).RepeatOf!.Number.ShouldBeOneOf(first, serial);
        (await r.RegisterAsync(RepairCycle.Request(q => { q.SerialNumber = ""; q.PurchaseDate = new DateOnly(2020, 1, 1); q.CustomerName = "李四"; q.CustomerPhone = "13900001111"; }))).RepeatOf.ShouldBeNull();
    }

    [Fact]
    public async Task RepeatCheck_WarnsOfNothing_UntilTheFaultAndTheCustomerAreGiven()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var first = await r.RegisterAsync();
        await r.WalkToAsync(first.Number, RepairStage.Completed);
        f.Time.Advance(TimeSpan.FromDays(10));

        (await r.Repairs.RepeatCheckAsync(RepairCycle.Request(q => q.FaultCategory = " "), Ct)).ShouldBeNull();
        (await r.Repairs.RepeatCheckAsync(RepairCycle.Request(q => q.CustomerName = " "), Ct)).ShouldBeNull();
        (await r.Repairs.RepeatCheckAsync(RepairCycle.Request(), Ct))!.Number.ShouldBe(first.Number);
        (await r.Repairs.RepeatCheckAsync(RepairCycle.Request(q => { q.CustomerId = first.CustomerId; q.CustomerName = ""; }), Ct))!.Number.ShouldBe(first.Number);
    }

    [Fact]
    public async Task CustomerOrders_ListTheProductHistory_NewestFirst()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var first = await r.RegisterAsync();
        f.Time.Advance(TimeSpan.FromHours(1));
        var second = await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = "SN-2"));

        var history = await r.Repairs.CustomerOrdersAsync(first.CustomerId, ct: Ct);

        history.Select(h => h.Number).ShouldBe([second.Number, first.Number]);
    }
}
