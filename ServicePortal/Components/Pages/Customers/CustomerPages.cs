namespace ServicePortal.Components.Pages.Customers;

/// <summary>Who opens the customer file pages: every reader of <see cref="Domain.Customers.CustomerFiles"/> (the Admin runs accounts, not customers).</summary>
public static class CustomerPages
{
    public const string Readers = $"{Domain.Accounts.Roles.Executive},{Domain.Accounts.Roles.DepartmentHead},{Domain.Accounts.Roles.Director},{Domain.Accounts.Roles.Clerk},{Domain.Accounts.Roles.Staff}";

    public static string Link(int id) => $"/customers/{id}";

    /// <summary>A date of the file as the portal writes dates (2025-01-05), empty when unknown.</summary>
    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>The access request page (another page) prefilled with the customer and the part.</summary>
    public static string RequestAccess(int id, Domain.Customers.CustomerPart part) => $"/customers/access-requests?customer={id}&parts={part}";
}
