using ServicePortal.Domain.Accounts;

namespace ServicePortal.Components.Pages.Customers.Archive;

/// <summary>
/// Who opens the archive keeper's pages: the roles of the domain services, as the constants attributes
/// need (a test holds them equal to <see cref="Domain.Customers.ArchiveVerification.Verifiers"/>,
/// <see cref="Domain.Customers.CustomerInfoReports.Readers"/> and <see cref="Domain.Customers.CustomerDestruction.Readers"/>).
/// </summary>
public static class ArchivePages
{
    public const string Verifiers = $"{Roles.Director},{Roles.Executive}";
    public const string ReportReaders = $"{Roles.Director},{Roles.DepartmentHead},{Roles.Executive},{Roles.Clerk}";
    public const string DestructionReaders = $"{Roles.Director},{Roles.Clerk},{Roles.DepartmentHead},{Roles.Executive}";

    public const string VerificationLink = "/customers/verification";
    public const string ReportsLink = "/customers/reports";
    public const string DestructionsLink = "/customers/destructions";
}
