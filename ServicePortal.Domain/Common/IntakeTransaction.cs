using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ServicePortal.Domain.Common;

/// <summary>The transaction of <see cref="CaseStep.BeginIntakeAsync"/>: the store's own, ending the intake's <see cref="WaitingWriters.Turn"/> with it.</summary>
internal sealed class IntakeTransaction(IDbContextTransaction inner, WaitingWriters.Turn turn) : IDbContextTransaction, IInfrastructure<DbTransaction>
{
    public Guid TransactionId => inner.TransactionId;

    DbTransaction IInfrastructure<DbTransaction>.Instance => inner.GetDbTransaction();

    public void Commit()
    {
        try { inner.Commit(); }
        finally { turn.Dispose(); }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        try { await inner.CommitAsync(cancellationToken); }
        finally { turn.Dispose(); }
    }

    public void Rollback()
    {
        try { inner.Rollback(); }
        finally { turn.Dispose(); }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        try { await inner.RollbackAsync(cancellationToken); }
        finally { turn.Dispose(); }
    }

    public bool SupportsSavepoints => inner.SupportsSavepoints;
    public void CreateSavepoint(string name) => inner.CreateSavepoint(name);
    public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);
    public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);
    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);
    public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);
    public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

    public void Dispose()
    {
        try { inner.Dispose(); }
        finally { turn.Dispose(); }
    }

    public async ValueTask DisposeAsync()
    {
        try { await inner.DisposeAsync(); }
        finally { turn.Dispose(); }
    }
}
