using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ServicePortal.Domain.Data;

/// <summary>
/// Lets `dotnet ef migrations add NAME --project ServicePortal.Domain --startup-project ServicePortal.Domain
/// --context PostgresPortalDbContext --output-dir Data/PostgresMigrations --namespace ServicePortal.Domain.Data.PostgresMigrations`
/// build the PostgreSQL model (no server is contacted to add a migration).
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.Use(PortalDatabase.PostgreSQL, "Host=localhost;Database=portal_design");
        return new PostgresPortalDbContext(options.Options);
    }
}
