using System.Globalization;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC C-2: TS + yy + MM + a serial restarting each month, counted in Beijing time.</summary>
public class ComplaintNumberingTests
{
    [Fact]
    public async Task FirstComplaintsOfAMonth_AreNumberedFrom001()
    {
        await using var f = await DomainFixture.CreateAsync();

        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2611001");
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2611002");
    }

    [Fact]
    public async Task Serial_RestartsInANewMonth()
    {
        await using var f = await DomainFixture.CreateAsync();
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2611001");
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2611002");

        f.Time.SetUtcNow(Beijing(2026, 12, 1, 0, 5));

        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2612001");
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2612002");
    }

    [Fact]
    public async Task BackEnteredComplaint_GetsANumberOfItsReceivedMonth_WhileTheCurrentMonthContinues()
    {
        await using var f = await DomainFixture.CreateAsync();
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2611001");

        var october = await f.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(Beijing(2026, 10, 28, 15, 20)).Build());

        october.Number.ShouldBe("TS2610001");
        october.ReceivedAt.ShouldBe(Beijing(2026, 10, 28, 15, 20).UtcDateTime);
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2611002");
        (await f.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(Beijing(2026, 10, 30, 9, 0)).Build()))
            .Number.ShouldBe("TS2610002");
    }

    [Theory]
    [InlineData("2026-11-30T23:30:00+08:00", "TS2611001")] // 15:30 UTC, November everywhere
    [InlineData("2026-11-30T15:30:00Z", "TS2611001")]
    [InlineData("2026-12-01T00:30:00+08:00", "TS2612001")] // still 30 November in UTC
    [InlineData("2026-11-30T16:30:00Z", "TS2612001")]
    public async Task Month_IsTakenInBeijingTime(string receivedAt, string expectedNumber)
    {
        await using var f = await DomainFixture.CreateAsync();
        f.Time.SetUtcNow(Beijing(2026, 12, 1, 9, 0));
        var received = DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture);

        var complaint = await f.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(received).Build());

        complaint.Number.ShouldBe(expectedNumber);
        complaint.ReceivedAt.ShouldBe(received.UtcDateTime);
    }

    [Fact]
    public async Task ThousandthComplaintOfAMonth_GetsAFourDigitSerial()
    {
        await using var f = await DomainFixture.CreateAsync();
        await using (var db = f.NewDb())
        {
            db.ComplaintSerials.Add(new ComplaintSerial { Month = 202611, Last = 999 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS26111000");
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS26111001");
    }

    [Theory]
    [InlineData(202611, 1, "TS2611001")]
    [InlineData(202611, 42, "TS2611042")]
    [InlineData(202611, 999, "TS2611999")]
    [InlineData(202611, 1000, "TS26111000")]
    [InlineData(202701, 1, "TS2701001")]
    [InlineData(203012, 7, "TS3012007")]
    public void Format_WritesPrefixYearMonthAndAtLeastThreeDigits(int monthKey, int serial, string expected)
    {
        ComplaintNumber.Format(monthKey, serial).ShouldBe(expected);
        ComplaintNumber.IsWellFormed(expected).ShouldBeTrue();
    }

    [Fact]
    public void Format_RefusesSerialZero()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ComplaintNumber.Format(202611, 0));
    }

    [Fact]
    public async Task RefusedRegistration_DoesNotConsumeASerial()
    {
        await using var f = await DomainFixture.CreateAsync();

        await Should.ThrowAsync<InputInvalidException>(() => f.RegisterAsync(new ComplaintInputBuilder().WithPhone("abc").Build()));
        await Should.ThrowAsync<InputInvalidException>(() => f.RegisterAsync(new ComplaintInputBuilder().WithCategory("不存在").Build()));

        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2611001");
    }

    [Fact]
    public async Task Serial_RestartsInTheNewYear()
    {
        await using var f = await DomainFixture.CreateAsync();
        f.Time.SetUtcNow(Beijing(2026, 12, 31, 23, 50));
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2612001");

        f.Time.SetUtcNow(Beijing(2027, 1, 1, 0, 10));

        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2701001");
    }
}
