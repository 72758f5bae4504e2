using System.Text.RegularExpressions;

namespace ServicePortal.Tests.Api;

/// <summary>Issue 12 "safe by default": every response carries the hardening headers and a CSP whose nonce is the import map's.</summary>
public partial class SecurityHeadersTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex HeaderNonce();

    [GeneratedRegex("<script type=\"importmap\" nonce=\"([^\"]+)\"")]
    private static partial Regex ImportMapNonce();

    [Fact]
    public async Task APage_HasTheHeaders_AndAStrictScriptPolicy_WhoseNonceIsTheImportMaps_NewOnEveryRequest()
    {
        var client = app.Anonymous();
        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync("/Account/Login", Ct);
            response.EnsureSuccessStatusCode();
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
            response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
            scripts.ShouldNotContain("unsafe-inline");
            scripts.ShouldNotContain("unsafe-eval");
            csp.ShouldContain("object-src 'none'");
            csp.ShouldContain("frame-ancestors 'none'");
            var nonce = HeaderNonce().Match(scripts).Groups[1].Value;
            nonce.Length.ShouldBeGreaterThanOrEqualTo(16);
            var html = await response.Content.ReadAsStringAsync(Ct);
            ImportMapNonce().Match(html).Groups[1].Value.ShouldBe(nonce);
            nonces.Add(nonce);
        }
        nonces.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task TheApi_AlsoSaysNosniff()
    {
        using var response = await app.Anonymous().GetAsync("/api/kpis", Ct);
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }
}
