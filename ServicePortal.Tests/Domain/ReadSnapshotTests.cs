using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>A board's several reads as one moment (its counts and its cards agree), without holding up anyone's save.</summary>
public class ReadSnapshotTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueriesInASnapshot_SeeOneMoment_WhileAnotherSaveGoesThroughAtOnce()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false);
        await using var reader = f.NewDb();
        int before, during;
        await using (await ReadSnapshot.BeginAsync(reader, Ct))
        {
            before = await reader.FeeItems.CountAsync(Ct);
            // A save meanwhile neither waits for the snapshot (no write lock taken) nor shows inside it.
            await using (var writer = f.NewDb())
            {
                writer.FeeItems.Add(new FeeItem("快照测试件", FeeKind.Part, "个", 10m, new DateOnly(2026, 1, 1)));
                await writer.SaveChangesAsync(Ct);
            }
            during = await reader.FeeItems.CountAsync(Ct);
        }
        during.ShouldBe(before);
        // Once it ends, the same context reads the present.
        (await reader.FeeItems.CountAsync(Ct)).ShouldBe(before + 1);
    }
}
