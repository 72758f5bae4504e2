using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>SPEC R-3: the Admin's fee schedule (收费标准) and the repair settings.</summary>
public class FeeScheduleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FeeItemInput Row(string name = "电源板", decimal? price = 260m, DateOnly? validFrom = null) =>
        new(name, FeeKind.Part, "块", price, validFrom ?? new DateOnly(2026, 6, 1));

    [Fact]
    public async Task ANewRow_IsListed_AndIsTodaysPrice_UntilALaterRowStarts()
    {
        await using var f = await DomainFixture.CreateAsync();
        var fees = f.Get<FeeScheduleService>();
        var admin = (await f.UserAsync("admin")).Id;

        var first = await fees.AddAsync(admin, Row(" 电源板 "), Ct);
        var later = await fees.AddAsync(admin, Row(price: 280m, validFrom: new DateOnly(2026, 12, 1)), Ct);

        first.Name.ShouldBe("电源板");
        first.Current.ShouldBeTrue();
        later.Current.ShouldBeFalse();
        (await fees.ListAsync(Ct)).Select(i => (i.Price, i.Current)).ShouldBe([(260m, true), (280m, false)]);
        f.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        (await f.Get<RepairService>().FeeScheduleAsync(ct: Ct)).Single(i => i.Name == "电源板").Price.ShouldBe(280m);
    }

    [Fact]
    public async Task BadFields_GetAChineseMessageEach_AndNothingIsSaved()
    {
        await using var f = await DomainFixture.CreateAsync();
        var fees = f.Get<FeeScheduleService>();
        var admin = (await f.UserAsync("admin")).Id;

        var error = await Should.ThrowAsync<InputInvalidException>(() => fees.AddAsync(admin, new FeeItemInput(" ", null, "", -1m, null), Ct));

        error.Errors["name"].ShouldBe(["请填写收费项目"]);
        error.Errors["kind"][0].ShouldStartWith("请选择类别");
        error.Errors["unit"][0].ShouldStartWith("请填写单位");
        error.Errors["price"].ShouldBe(["单价不能为负数"]);
        error.Errors["validFrom"].ShouldBe(["请填写生效日期"]);
        (await Should.ThrowAsync<InputInvalidException>(() => fees.AddAsync(admin, Row(price: 1.005m), Ct))).Errors["price"].ShouldBe(["单价最多保留两位小数"]);
        (await fees.ListAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheSameItemFromTheSameDay_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var fees = f.Get<FeeScheduleService>();
        var admin = (await f.UserAsync("admin")).Id;
        await fees.AddAsync(admin, Row(), Ct);

        var error = await Should.ThrowAsync<InputInvalidException>(() => fees.AddAsync(admin, Row(price: 300m), Ct));

        error.Errors["validFrom"][0].ShouldContain("已有 2026-06-01 起的价格");
    }

    [Fact]
    public async Task AnUnusedRow_IsCorrected_OrDeletedOutright()
    {
        await using var f = await DomainFixture.CreateAsync();
        var fees = f.Get<FeeScheduleService>();
        var admin = (await f.UserAsync("admin")).Id;
        var row = await fees.AddAsync(admin, Row(), Ct);

        var corrected = await fees.UpdateAsync(admin, row.Id, Row(price: 265.5m), Ct);
        var removal = await fees.DeleteAsync(admin, row.Id, Ct);

        corrected.Price.ShouldBe(265.5m);
        removal.ShouldBe(FeeItemRemoval.Deleted);
        (await fees.GetAsync(row.Id, Ct)).ShouldBeNull();
        await Should.ThrowAsync<NotFoundException>(() => fees.DeleteAsync(admin, row.Id, Ct));
    }

    [Fact]
    public async Task ARowAQuoteUsed_CannotChange_AndDeletingItWithdrawsIt_WhileTheQuoteKeepsItsPrice()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var fees = f.Get<FeeScheduleService>();
        var admin = (await f.UserAsync("admin")).Id;
        var number = (await r.RegisterAsync(RepairCycle.Request(q => q.PurchaseDate = new DateOnly(2024, 1, 1)))).Number;
        await r.WalkToAsync(number, RepairStage.QuotePending);

        (await Should.ThrowAsync<DomainException>(() => fees.UpdateAsync(admin, r.Board.Id, Row("主板", 700m, new DateOnly(2026, 1, 1)), Ct)))
            .Message.ShouldContain("已被报价引用");
        (await fees.DeleteAsync(admin, r.Board.Id, Ct)).ShouldBe(FeeItemRemoval.Withdrawn);

        var board = (await fees.GetAsync(r.Board.Id, Ct))!;
        board.Active.ShouldBeFalse();
        board.InUse.ShouldBeTrue();
        (await r.Repairs.FeeScheduleAsync(ct: Ct)).ShouldNotContain(i => i.Id == r.Board.Id);
        (await r.GetAsync(number)).Quotes.Single().Lines.Single(l => l.Name == "主板").UnitPrice.ShouldBe(680m);
    }

    [Fact]
    public async Task TheWarrantyPeriod_Saved_JudgesLaterRequestsOnly()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        // Bought 2025-06-01: out of a 12-month warranty on 2026-11-24, in a 24-month one.
        var before = await r.RegisterAsync(RepairCycle.Request(q => q.PurchaseDate = new DateOnly(2025, 6, 1)));

        var saved = await r.Repairs.SaveSettingsAsync(r.Id("admin"), 24, false, Ct);
        var after = await r.RegisterAsync(RepairCycle.Request(q => q.PurchaseDate = new DateOnly(2025, 6, 1)));

        saved.WarrantyMonths.ShouldBe(24);
        (await r.Repairs.SettingsAsync(Ct)).CollectFeeBeforeRepair.ShouldBeFalse();
        before.InWarranty.ShouldBeFalse();
        (await r.GetAsync(before.Number)).InWarranty.ShouldBeFalse();
        after.InWarranty.ShouldBeTrue();
        (await Should.ThrowAsync<InputInvalidException>(() => r.Repairs.SaveSettingsAsync(r.Id("admin"), 0, true, Ct))).Errors["warrantyMonths"][0].ShouldContain("1 至 120");
        await using var db = r.NewDb();
        (await db.RepairSettings.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task AStepsBadField_IsNamed_WithItsOwnMessage()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(number, RepairStage.Booked);

        var noLines = await Should.ThrowAsync<InputInvalidException>(() =>
            r.Repairs.QuoteAsync(number, r.Id("staff"), null, new RepairQuoteInput("原因", "方案", false, [], 0), Ct));
        var zero = await Should.ThrowAsync<InputInvalidException>(() =>
            r.Repairs.QuoteAsync(number, r.Id("staff"), null, new RepairQuoteInput("原因", "方案", false, [new QuoteLineInput(r.Labour.Id, 1), new QuoteLineInput(r.Board.Id, 0)], 0), Ct));

        noLines.Errors["lines"].ShouldBe(["报价至少需要一项配件或人工"]);
        noLines.Message.ShouldBe("报价至少需要一项配件或人工");
        zero.Errors["lines[1].quantity"].ShouldBe(["主板的数量必须大于 0"]);
    }
}
