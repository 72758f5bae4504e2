using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace ServicePortal.Domain.Data;

#pragma warning disable EF1001 // Npgsql's SQL generator is "internal" API: pinned provider version (Directory.Packages.props)

/// <summary>
/// PostgreSQL's SQL as Npgsql writes it, except that an ORDER BY on a nullable column puts nulls where SQLite does (first
/// ascending, last descending; PostgreSQL's default is the reverse), so a register sorted by e.g. satisfaction lists the same
/// rows first on both stores. Orderings on NOT NULL columns are left alone: their indexes still serve the order.
/// </summary>
internal sealed class SqliteNullOrderSqlGeneratorFactory(
    QuerySqlGeneratorDependencies dependencies, IRelationalTypeMappingSource typeMappingSource, INpgsqlSingletonOptions options) : IQuerySqlGeneratorFactory
{
    public QuerySqlGenerator Create() =>
        new Generator(dependencies, typeMappingSource, options.ReverseNullOrderingEnabled, options.PostgresVersion);

    private sealed class Generator(QuerySqlGeneratorDependencies dependencies, IRelationalTypeMappingSource typeMappingSource, bool reverseNullOrdering, Version postgresVersion)
        : NpgsqlQuerySqlGenerator(dependencies, typeMappingSource, reverseNullOrdering, postgresVersion)
    {
        protected override Expression VisitOrdering(OrderingExpression ordering)
        {
            var result = base.VisitOrdering(ordering);
            if (ordering.Expression is ColumnExpression { IsNullable: true })
                Sql.Append(ordering.IsAscending ? " NULLS FIRST" : " NULLS LAST");
            return result;
        }
    }
}
