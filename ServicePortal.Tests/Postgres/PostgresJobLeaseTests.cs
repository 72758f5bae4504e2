using ServicePortal.Domain.Data;
using ServicePortal.Tests.Domain;
using ServicePortal.Tests.Jobs;

namespace ServicePortal.Tests.Postgres;

/// <summary>
/// Scheduled jobs once per interval on PostgreSQL: eight lease clients racing on one database run the job once, a dead
/// holder's lease expires, a failed run is retried (<see cref="JobLeaseTests"/> on a database of the throwaway cluster).
/// </summary>
public sealed class PostgresJobLeaseTests : JobLeaseTests
{
    protected override PortalDatabase Database => PortalDatabase.PostgreSQL;
}

/// <summary>Two workers (two app instances) on one PostgreSQL database run their job once per interval between them.</summary>
public sealed class PostgresPeriodicWorkerTests : PeriodicWorkerTests
{
    protected override PortalDatabase Database => PortalDatabase.PostgreSQL;
}
