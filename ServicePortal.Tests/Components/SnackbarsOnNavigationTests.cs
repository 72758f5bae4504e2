using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ServicePortal.Components.Layout;

namespace ServicePortal.Tests.Components;

/// <summary>A message about the page left behind closes on navigation; the message of the action that navigated stays.</summary>
public class SnackbarsOnNavigationTests : PortalComponentTest
{
    [Fact]
    public void Navigating_ClosesTheSnackbarsOfThePageLeft()
    {
        RenderWithProviders<SnackbarsOnNavigation>();
        var snackbar = Services.GetRequiredService<ISnackbar>();
        snackbar.Add("保存失败，请重试", Severity.Error);
        Domain.Time.Advance(TimeSpan.FromSeconds(5));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/complaints");

        SnackbarMessages().ShouldBeEmpty();
    }

    [Fact]
    public void TheMessageOfTheActionThatNavigated_Stays()
    {
        RenderWithProviders<SnackbarsOnNavigation>();
        var snackbar = Services.GetRequiredService<ISnackbar>();
        snackbar.Add("旧的提示", Severity.Info);
        Domain.Time.Advance(TimeSpan.FromSeconds(5));

        snackbar.Add("已受理投诉 TS2611001", Severity.Success);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/complaints/TS2611001");

        SnackbarMessages().ShouldBe(["已受理投诉 TS2611001"]);
    }
}
