using ServicePortal.Domain.Data;
using ServicePortal.Tests.Domain;
using ServicePortal.Tests.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Postgres;

// Existing domain test classes run again on PostgreSQL (a database of the throwaway cluster, PostgresCluster, per fixture);
// skipped with the reason where PostgreSQL is not installed.

/// <summary>50 simultaneous registrations on PostgreSQL: unique, gap-free numbers (the month's counter row is locked by the upsert).</summary>
public sealed class PostgresComplaintNumberingConcurrencyTests : ComplaintNumberingConcurrencyTests
{
    protected override PortalDatabase Database => PortalDatabase.PostgreSQL;
}

/// <summary>The complaint cycle's main path, registration to closing, on PostgreSQL.</summary>
public sealed class PostgresComplaintCycleHappyPathTests : ComplaintCycleHappyPathTests
{
    protected override PortalDatabase Database => PortalDatabase.PostgreSQL;
}

/// <summary>The customer list's searches and filters on PostgreSQL (name fragments through pg_trgm, phones, serials).</summary>
public sealed class PostgresCustomerDirectoryTests : CustomerDirectoryTests
{
    protected override PortalDatabase Database => PortalDatabase.PostgreSQL;
}

/// <summary><see cref="KpiDataset"/> built on PostgreSQL.</summary>
public sealed class PostgresKpiDataset : KpiDataset
{
    protected override PortalDatabase Database => PortalDatabase.PostgreSQL;
}

/// <summary>The complaints' month totals kept by the PL/pgSQL triggers equal counting every case, as cases change (PostgresStoreSql.ComplaintMonthTotals).</summary>
public sealed class PostgresComplaintMonthTotalsTests : ComplaintMonthTotalsTests, IClassFixture<PostgresKpiDataset>
{
    public PostgresComplaintMonthTotalsTests(PostgresKpiDataset postgres) : base(postgres) => PostgresCluster.SkipUnlessAvailable();
}
