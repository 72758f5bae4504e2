using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add NAME --project ServicePortal.Domain.Postgres --startup-project ServicePortal.Domain.Postgres`
/// build the PostgreSQL model (no server is contacted to add a migration).
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.Use(PortalDatabase.PostgreSQL, "Host=localhost;Database=portal_design");
        return new PortalDbContext(options.Options);
    }
}
