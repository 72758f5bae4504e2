using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>The demo customers' files: every credit class, key customers, contacts with key people, products with serials and warranty, cooperation.</summary>
[Collection(DemoDataCollection.Name)]
public class CustomerFilesDemoDataTests(SeededDemoDatabase demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoCustomers_HaveFullFiles()
    {
        await using var db = demo.Fixture.NewDb();
        var customers = await db.Customers.AsNoTracking().Include(c => c.Contacts).Include(c => c.Products).Include(c => c.Cooperation).AsSplitQuery().ToListAsync(Ct);

        customers.Select(c => c.CreditClass).Distinct().OfType<CreditClass>().Order().ShouldBe([CreditClass.A, CreditClass.B, CreditClass.C, CreditClass.D]);
        customers.Count(c => c.IsKeyCustomer).ShouldBeGreaterThan(5);
        // The demo's destroyed file lost its contacts, cooperation and area to the erasure; every other file is full.
        customers.Where(c => c.DestroyedAt != null).ShouldAllBe(c => c.Contacts.Count == 0 && c.Cooperation.Count == 0 && c.ServiceArea == "");
        customers.Where(c => c.DestroyedAt == null).ShouldAllBe(c => c.Contacts.Count > 0 && c.Products.Count > 0 && c.ServiceArea.Length > 0);
        customers.Count(c => c.Kind == CustomerKind.Organisation && c.Industry.Length > 0 && c.Cooperation.Count > 0).ShouldBeGreaterThan(10);
        customers.SelectMany(c => c.Contacts).Count(p => p.IsKeyPerson).ShouldBeGreaterThan(10);
        customers.SelectMany(c => c.Products).ShouldAllBe(p => p.SerialNumber.Length > 0 && p.WarrantyEnd > p.PurchasedOn);
    }
}
