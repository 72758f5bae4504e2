using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ServicePortal.Domain.Common;

/// <summary>The transaction of <see cref="CaseStep.BeginIntakeAsync"/>: the store's own, ending the intake's <see cref="WaitingWriters.Turn"/> with it.</summary>
internal sealed class IntakeTransaction(IDbContextTransaction inner, WaitingWriters.Turn turn) : IDbContextTransaction, IInfrastructure<DbTransaction>
{
    public Guid TransactionId => inner.TransactionId;

    DbTransaction IInfrastructure<DbTransaction>.Instance => inner.GetDbTransaction();

    public void Commit() => Ending(inner.Commit);
    public Task CommitAsync(CancellationToken cancellationToken = default) => EndingAsync(() => inner.CommitAsync(cancellationToken));
    public void Rollback() => Ending(inner.Rollback);
    public Task RollbackAsync(CancellationToken cancellationToken = default) => EndingAsync(() => inner.RollbackAsync(cancellationToken));

    public bool SupportsSavepoints => inner.SupportsSavepoints;
    public void CreateSavepoint(string name) => inner.CreateSavepoint(name);
    public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);
    public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);
    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);
    public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);
    public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

    public void Dispose() => Ending(inner.Dispose);
    public ValueTask DisposeAsync() => new(EndingAsync(() => inner.DisposeAsync().AsTask()));

    /// <summary>Ends the transaction by <paramref name="end"/>, and the intake's turn with it, whatever happens.</summary>
    private void Ending(Action end)
    {
        try { end(); }
        finally { turn.Dispose(); }
    }

    private async Task EndingAsync(Func<Task> end)
    {
        try { await end(); }
        finally { turn.Dispose(); }
    }
}
