using System.Net;

namespace ServicePortal.Tests.Api;

public partial class PageAccessTests
{
    [Fact]
    public async Task AnInteractivePage_CarriesTheThemeOnce_OutsideItsCircuit()
    {
        var client = await SignedInWithCookieAsync("clerk");

        using var response = await client.GetAsync("/complaints", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The theme's CSS variables come with the page, before the interactive root's marker: inside the circuit its ~25 KB
        // style text was kept twice per circuit for nothing (issue 12), the theme never changes.
        var theme = html.IndexOf("class='mud-theme-provider'", StringComparison.Ordinal);
        theme.ShouldBeGreaterThan(0);
        html.IndexOf("class='mud-theme-provider'", theme + 1, StringComparison.Ordinal).ShouldBe(-1);
        html.IndexOf("--mud-palette-primary:", StringComparison.Ordinal).ShouldBeGreaterThan(theme);
        var body = html.IndexOf("<body>", StringComparison.Ordinal);
        theme.ShouldBeInRange(body, html.IndexOf("<!--Blazor:{", body, StringComparison.Ordinal)); // the page's interactive root
    }
}
