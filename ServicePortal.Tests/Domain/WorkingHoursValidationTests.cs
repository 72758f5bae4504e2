using System.Globalization;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Working hours the Admin cannot save: each refusal names the field in Chinese, and nothing changes.</summary>
public class WorkingHoursValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("17:30", "08:30", "dayEnd", "下班时间应晚于上班时间（17:30）")]
    [InlineData("09:00", "09:00", "dayEnd", "下班时间应晚于上班时间（09:00）")]
    [InlineData("09:00", "09:59", "dayEnd", "每天的工作时间至少 1 小时（现为 0 小时 59 分钟）")]
    [InlineData("06:00", "22:30", "dayEnd", "每天的工作时间最多 16 小时（现为 16 小时 30 分钟）")]
    [InlineData("08:30:30", "17:30", "dayStart", "上班时间应精确到分钟")]
    [InlineData("08:30", "17:30:15", "dayEnd", "下班时间应精确到分钟")]
    public async Task BadHours_AreRefusedWithAChineseMessage_AndTheOldHoursStay(string start, string end, string field, string message)
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;

        var ex = await Should.ThrowAsync<InputInvalidException>(() =>
            calendar.SaveWorkingHoursAsync(admin, TimeOnly.Parse(start, CultureInfo.InvariantCulture), TimeOnly.Parse(end, CultureInfo.InvariantCulture), Ct));

        ex.Errors.Keys.ShouldBe([field]);
        ex.Errors[field].ShouldHaveSingleItem().ShouldContain(message);
        (await calendar.WorkingHoursAsync(Ct)).ShouldBe(new WorkingHoursView(new TimeOnly(8, 30), new TimeOnly(17, 30)));
    }

    [Theory]
    [InlineData("08:00", "09:00")] // exactly one hour
    [InlineData("06:00", "22:00")] // exactly sixteen
    [InlineData("08:40", "17:10")] // any whole minute
    public async Task HoursAtTheLimits_AreSaved(string start, string end)
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;
        var (dayStart, dayEnd) = (TimeOnly.Parse(start, CultureInfo.InvariantCulture), TimeOnly.Parse(end, CultureInfo.InvariantCulture));

        await calendar.SaveWorkingHoursAsync(admin, dayStart, dayEnd, Ct);

        (await calendar.WorkingHoursAsync(Ct)).ShouldBe(new WorkingHoursView(dayStart, dayEnd));
    }
}
