using System.Net;
using ServicePortal.Components.Pages.Customers.Archive;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Tests.Api;

/// <summary>
/// Role boundaries of the archive keeper's pages: re-verification for the Director and the Executive; the
/// monthly customer-information reports and the destruction requests for the Director's team, the heads and the
/// Executive — never the Staff or the Admin; the pages' roles are the domain services' own.
/// </summary>
public partial class PageAccessTests
{
    [Theory]
    [InlineData("/customers/verification", "director", HttpStatusCode.OK)]
    [InlineData("/customers/verification", "exec", HttpStatusCode.OK)]
    [InlineData("/customers/verification", "head", HttpStatusCode.Redirect)]
    [InlineData("/customers/verification", "clerk", HttpStatusCode.Redirect)]
    [InlineData("/customers/verification", "staff", HttpStatusCode.Redirect)]
    [InlineData("/customers/verification", "admin", HttpStatusCode.Redirect)]
    [InlineData("/customers/reports", "director", HttpStatusCode.OK)]
    [InlineData("/customers/reports", "head", HttpStatusCode.OK)]
    [InlineData("/customers/reports", "exec", HttpStatusCode.OK)]
    [InlineData("/customers/reports", "clerk", HttpStatusCode.OK)]
    [InlineData("/customers/reports", "staff", HttpStatusCode.Redirect)]
    [InlineData("/customers/reports", "admin", HttpStatusCode.Redirect)]
    [InlineData("/customers/destructions", "director", HttpStatusCode.OK)]
    [InlineData("/customers/destructions", "head", HttpStatusCode.OK)]
    [InlineData("/customers/destructions", "exec", HttpStatusCode.OK)]
    [InlineData("/customers/destructions", "clerk", HttpStatusCode.OK)]
    [InlineData("/customers/destructions", "staff", HttpStatusCode.Redirect)]
    [InlineData("/customers/destructions", "admin", HttpStatusCode.Redirect)]
    public async Task ArchivePages_AreOpenToTheirRolesOnly(string path, string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    [Fact]
    public void ArchivePages_AdmitTheRolesOfTheirDomainServices()
    {
        ArchivePages.Verifiers.Split(',').ShouldBe(ArchiveVerification.Verifiers, ignoreOrder: true);
        ArchivePages.ReportReaders.Split(',').ShouldBe(CustomerInfoReports.Readers, ignoreOrder: true);
        ArchivePages.DestructionReaders.Split(',').ShouldBe(CustomerDestruction.Readers, ignoreOrder: true);
    }
}
