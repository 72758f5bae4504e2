using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Components.Pages.Reports;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Components;

/// <summary>The Excel downloads are plain links to the API: the register's with its filter and sort, the monthly report's with the month.</summary>
public sealed class ReportDownloadLinkTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task RegisterExportButton_LinksToTheExportOfTheCurrentFilterAndSort()
    {
        await SignInAsync("clerk");
        await Domain.RegisterAsync(new ComplaintInputBuilder().Build());
        Services.GetRequiredService<NavigationManager>().NavigateTo("/complaints?channel=Visit&status=Registered");

        var page = RenderWithProviders<ComplaintRegister>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=register-empty]").ShouldNotBeEmpty(), Wait);
        var link = page.Find("[data-testid=register-export]");
        link.TagName.ShouldBe("A");
        link.HasAttribute("download").ShouldBeTrue();
        link.GetAttribute("href").ShouldBe("/api/exports/complaints.xlsx?status=Registered&channel=Visit&sort=receivedAt&desc=true");
        link.TextContent.ShouldContain("导出 Excel");
    }

    [Fact]
    public async Task MonthlyReportPage_OffersLastMonthsWorkbook()
    {
        await SignInAsync("head");

        var page = RenderWithProviders<MonthlyReport>();

        var link = page.Find("[data-testid=report-download]");
        link.GetAttribute("href").ShouldBe("/api/reports/monthly.xlsx?month=2026-10"); // the clock says 2026-11-24
        link.HasAttribute("download").ShouldBeTrue();
        page.Markup.ShouldContain("客诉案件统计表");
    }
}
