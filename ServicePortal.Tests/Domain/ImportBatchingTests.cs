using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers.Import;
using ServicePortal.Domain.Imports;
using ServicePortal.Tests.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Imports write in batches of short transactions (issue 12, load): other writers get in between batches,
/// the import's numbers stay consecutive, bad input still saves nothing, and a batch failing after the
/// checks takes back the batches saved before it.
/// </summary>
public class ImportBatchingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImportWorkbookBuilder November(int rows) =>
        new ImportWorkbookBuilder().Rows(rows, (i, r) => r["受理时间"] = new DateTime(2026, 11, 3, 9, 0, 0).AddMinutes(i));

    [Fact]
    public async Task ComplaintImport_InBatches_SavesEveryRow_WithConsecutiveNumbers_WhileAClerkRegistersBetweenBatches()
    {
        await using var f = await DomainFixture.CreateAsync();
        var import = f.Get<ImportService>();
        import.Batching = WriteBatches.Fixed(40);
        var savedAfterEachBatch = new List<int>();
        string? registeredMeanwhile = null;
        import.AfterBatchAsync = async saved =>
        {
            savedAfterEachBatch.Add(saved);
            // The write lock is free between batches: this registration would wait 30 s and fail otherwise.
            if (saved == 40) registeredMeanwhile = (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number;
        };

        var report = await f.ImportAsync(November(130));

        report.Rejected.ShouldBeEmpty();
        report.Imported.ShouldBe(130);
        savedAfterEachBatch.ShouldBe([40, 80, 120, 130]);
        await using var db = f.NewDb();
        var imported = await db.Complaints.Where(c => c.Number != registeredMeanwhile).OrderBy(c => c.Number).Select(c => c.Number).ToListAsync(Ct);
        imported.ShouldBe(Enumerable.Range(1, 130).Select(i => $"TS2611{i:D3}"));
        // Registered after the numbers were reserved: after the whole import, not among its numbers.
        registeredMeanwhile.ShouldBe("TS2611131");
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2611132");
        (await db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM "ComplaintSearch" """).SingleAsync(Ct)).ShouldBe(132); // 130 imported, 2 registered
        // One customer for every row: created with the first batch, referred to (not inserted again) by the later ones.
        (await db.Customers.CountAsync(Ct)).ShouldBe(1);
        (await db.ComplaintHistory.CountAsync(Ct)).ShouldBe(130 * 2 + 2);
    }

    [Fact]
    public async Task ComplaintImport_ABadRowAmongMany_SavesNothing()
    {
        await using var f = await DomainFixture.CreateAsync();
        var import = f.Get<ImportService>();
        import.Batching = WriteBatches.Fixed(10);
        var batches = 0;
        import.AfterBatchAsync = _ => { batches++; return Task.CompletedTask; };

        var report = await f.ImportAsync(November(100).Row(r => r["严重程度"] = "很严重"));

        report.Imported.ShouldBe(0);
        report.Rejected.ShouldHaveSingleItem().Row.ShouldBe(102);
        batches.ShouldBe(0);
        (await f.CountRowsAsync()).ShouldBe((0, 0, 0, 0));
    }

    [Fact]
    public async Task ComplaintImport_ABatchRefusedAfterTheChecks_TakesBackTheBatchesBeforeIt_AndSaysSo()
    {
        await using var f = await DomainFixture.CreateAsync();
        var import = f.Get<ImportService>();
        import.Batching = WriteBatches.Fixed(20);
        var interfered = false;
        import.AfterBatchAsync = async _ =>
        {
            if (interfered) return;
            interfered = true;
            // Another import gives the number the third batch is to use, after this import's checks.
            (await f.ImportAsync(new ImportWorkbookBuilder().Row(r => r["受理时间"] = new DateTime(2026, 11, 20, 9, 0, 0), number: "TS2611045")))
                .Imported.ShouldBe(1);
        };

        var refused = await Should.ThrowAsync<DomainException>(() => f.ImportAsync(November(60)));

        refused.Message.ShouldContain("没有导入任何数据");
        await using var db = f.NewDb();
        (await db.Complaints.Select(c => c.Number).ToListAsync(Ct)).ShouldBe(["TS2611045"]);
        (await db.ComplaintHistory.CountAsync(Ct)).ShouldBe(2); // the other import's received + imported
        (await db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM "ComplaintSearch" """).SingleAsync(Ct)).ShouldBe(1);
        // The customer the failed import created is kept: the other import's complaint is now hers.
        (await db.Customers.CountAsync(Ct)).ShouldBe(1);
        // Its reserved numbers stay used: a registration continues after them.
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2611061");
    }

    [Fact]
    public async Task CustomerImport_InBatches_SavesEveryRow_AndAFailureAfterTheChecksLeavesNone()
    {
        await using var f = await DomainFixture.CreateAsync();
        var import = f.Get<CustomerImport>();
        import.Batching = WriteBatches.Fixed(20);
        var savedAfterEachBatch = new List<int>();
        import.AfterBatchAsync = saved => { savedAfterEachBatch.Add(saved); return Task.CompletedTask; };

        (await f.ImportCustomersAsync(new CustomerListBook(first: 1).Rows(50))).Imported.ShouldBe(50);
        savedAfterEachBatch.ShouldBe([20, 40, 50]);

        import.AfterBatchAsync = saved => saved == 40 ? throw new IOException("disk full (test)") : Task.CompletedTask;
        await Should.ThrowAsync<IOException>(() => f.ImportCustomersAsync(new CustomerListBook(first: 1001).Rows(50)));

        await using var db = f.NewDb();
        (await db.Customers.CountAsync(Ct)).ShouldBe(50);
        (await db.CustomerProducts.CountAsync(Ct)).ShouldBe(50);
        (await db.CustomerHistory.CountAsync(Ct)).ShouldBe(50);
        (await db.Customers.AnyAsync(c => c.Name.Contains("01001"), Ct)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(100, 50, 120)]   // 0.5 ms a row: 60 ms is 120 rows
    [InlineData(100, 10, 200)]   // faster: at most twice the last batch
    [InlineData(100, 600, 20)]   // much slower: not below the minimum
    [InlineData(2_000, 30, 2_000)] // not above the maximum
    public void BatchSize_FollowsTheLastBatchsTimePerRow(int lastRows, int lastMs, int next)
    {
        WriteBatches.Default.Next(lastRows, TimeSpan.FromMilliseconds(lastMs)).ShouldBe(next);
    }

    [Fact]
    public async Task Batches_CoverEveryItemOnceInOrder()
    {
        var items = Enumerable.Range(1, 1_001).ToList();
        var seen = new List<int>();
        var batches = await WriteBatches.Default.RunAsync(items, batch => { seen.AddRange(batch); return Task.CompletedTask; }, new WaitingWriters(), null, Ct);
        seen.ShouldBe(items);
        batches.ShouldBeGreaterThan(1);
        (await WriteBatches.Single.RunAsync(items, _ => Task.CompletedTask, new WaitingWriters(), null, Ct)).ShouldBe(1);
    }

    [Fact]
    public void Batches_FollowOneAnotherAtOnce_WhenNoWriterWaits()
    {
        var written = new List<int>();

        // No pause between batches: with nothing to wait for, the whole run completes at once.
        var run = WriteBatches.Fixed(10).RunAsync(Enumerable.Range(1, 50).ToList(), batch => { written.Add(batch.Count); return Task.CompletedTask; },
            new WaitingWriters(), null, Ct);

        run.IsCompletedSuccessfully.ShouldBeTrue();
        written.ShouldBe([10, 10, 10, 10, 10]);
    }

    [Fact]
    public async Task AWriterArrivingDuringABatch_GoesInAtItsCommit_AndBeforeTheNextBatch_ButNotOneArrivingAfterIt()
    {
        var writers = new WaitingWriters();
        var written = new List<int>();
        Task<WaitingWriters.Turn>? clerkEnters = null;
        var secondBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = WriteBatches.Fixed(10).RunAsync(Enumerable.Range(1, 30).ToList(), batch =>
        {
            written.Add(batch[0]);
            if (written.Count == 1)
            {
                clerkEnters = writers.EnterAsync(Ct); // a clerk asks for the write lock while the first batch holds it …
                clerkEnters.IsCompleted.ShouldBeFalse(); // … and waits for its commit
            }
            if (written.Count == 2) secondBatch.SetResult();
            return Task.CompletedTask;
        }, writers, null, Ct);

        var clerk = await clerkEnters!;
        written.ShouldBe([1]); // the second batch waits for the clerk's transaction
        run.IsCompleted.ShouldBeFalse();
        var later = await writers.EnterAsync(Ct); // another clerk, after the import began to wait: not waited for
        clerk.Dispose();
        await secondBatch.Task.WaitAsync(Ct);
        written.ShouldBe([1, 11]);
        later.Dispose();

        (await run).ShouldBe(3);
        writers.Count.ShouldBe(0);
    }

    [Fact]
    public async Task AWriterSlowerThanTheLimit_DoesNotHoldTheImportUp()
    {
        var writers = new WaitingWriters();
        using var stuck = await writers.EnterAsync(Ct);
        var batching = WriteBatches.Fixed(10) with { YieldLimit = TimeSpan.FromMilliseconds(10) };

        (await batching.RunAsync(Enumerable.Range(1, 30).ToList(), _ => Task.CompletedTask, writers, null, Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task ComplaintImport_LetsAClerkWaitingForTheWriteLockInBeforeItsNextBatch()
    {
        await using var f = await DomainFixture.CreateAsync();
        var import = f.Get<ImportService>();
        import.Batching = WriteBatches.Fixed(20) with { YieldLimit = TimeSpan.FromMinutes(1) }; // however slow the machine
        await using var db = f.NewDb();
        var writers = WaitingWriters.Of(db);
        Task<ComplaintDetail>? clerk = null;
        bool? clerkSavedBeforeSecondBatch = null;
        import.AfterBatchAsync = async saved =>
        {
            if (saved == 20)
            {
                // A clerk starts registering; the hook returns once the clerk is in the queue for the write lock.
                clerk = Task.Run(() => f.RegisterAsync(new ComplaintInputBuilder().Build()), Ct);
                while (writers.Count == 0 && !clerk.IsCompleted) await Task.Delay(1, Ct);
            }
            if (saved == 40) clerkSavedBeforeSecondBatch = await db.Complaints.AnyAsync(c => c.Number == "TS2611061", Ct);
        };

        (await f.ImportAsync(November(60))).Imported.ShouldBe(60);

        clerkSavedBeforeSecondBatch.ShouldBe(true);
        (await clerk!).Number.ShouldBe("TS2611061");
        writers.Count.ShouldBe(0);
    }

    [Fact]
    public async Task AnIntake_HoldsItsTurnAmongTheWriters_UntilItsTransactionEnds()
    {
        await using var f = await DomainFixture.CreateAsync();
        await using var db = f.NewDb();
        var writers = WaitingWriters.Of(db);

        await using (var tx = await CaseStep.BeginIntakeAsync(db, Ct))
        {
            writers.Count.ShouldBe(1);
            await tx.CommitAsync(Ct);
            writers.Count.ShouldBe(0);
        }
        await using (await CaseStep.BeginIntakeAsync(db, Ct))
            writers.Count.ShouldBe(1);
        writers.Count.ShouldBe(0); // rolled back by disposal
    }
}
