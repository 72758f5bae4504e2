using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

public class FixtureSmokeTests
{
    [Fact]
    public async Task NewDatabase_HasDefaultCategories()
    {
        await using var f = await DomainFixture.CreateAsync();
        var categories = await f.Get<ComplaintService>().CategoriesAsync(TestContext.Current.CancellationToken);
        categories.Select(c => c.Name).ShouldBe(ComplaintCategory.Defaults);
    }
}
