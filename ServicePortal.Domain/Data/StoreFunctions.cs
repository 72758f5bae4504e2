using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Data;

/// <summary>
/// <c>NoIndex(column)</c> is the column's value, written <c>+(column)</c> in SQL: SQLite does not use
/// an index for a condition on it. A large register page uses it on every filter so that SQLite
/// walks the index of the page's order and stops after the page, instead of starting from a
/// filter's index and sorting all of its rows. <see cref="WithoutIndexes{T}"/> puts it around every
/// column a condition reads, so one condition serves both plans.
/// </summary>
public static class StoreFunctions
{
    public static string? NoIndex(string? value) => value;
    public static int NoIndex(int value) => value;
    public static int? NoIndex(int? value) => value;
    public static bool NoIndex(bool value) => value;
    public static bool? NoIndex(bool? value) => value;
    public static DateTime NoIndex(DateTime value) => value;
    public static DateTime? NoIndex(DateTime? value) => value;
    public static ComplaintStatus NoIndex(ComplaintStatus value) => value;
    public static ComplaintSeverity NoIndex(ComplaintSeverity value) => value;
    public static ComplaintChannel NoIndex(ComplaintChannel value) => value;
    public static Repairs.RepairStage NoIndex(Repairs.RepairStage value) => value;

    /// <summary>
    /// <c>match(query, index)</c>: SQLite's function form of <c>index MATCH query</c> for an FTS5 table's
    /// column named after the table; the planner hands it to FTS5 like the operator.
    /// </summary>
    public static bool Matches(string index, string query) => throw new InvalidOperationException("only inside queries");

    private static readonly Dictionary<Type, MethodInfo> ByType = typeof(StoreFunctions).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name == nameof(NoIndex)).ToDictionary(m => m.GetParameters()[0].ParameterType);

    /// <summary>The condition with <c>NoIndex</c> around each column of the entity it reads.</summary>
    public static Expression<Func<T, bool>> WithoutIndexes<T>(Expression<Func<T, bool>> condition) =>
        (Expression<Func<T, bool>>)new Wrapper(condition.Parameters[0]).Visit(condition);

    /// <summary>
    /// On SQLite <c>NoIndex</c> is <c>+(column)</c> and <c>Matches</c> is FTS5's <c>match</c>; elsewhere (PostgreSQL, whose
    /// planner needs no such hint and where unary plus exists only for numbers) <c>NoIndex</c> is the column itself.
    /// </summary>
    internal static void Register(ModelBuilder builder, bool sqlite = true)
    {
        if (!sqlite)
        {
            foreach (var method in ByType.Values)
                builder.HasDbFunction(method).HasTranslation(args => args[0]);
            return;
        }
        builder.HasDbFunction(typeof(StoreFunctions).GetMethod(nameof(Matches))!).HasTranslation(args =>
            new SqlFunctionExpression("match", [args[1], args[0]], nullable: false, argumentsPropagateNullability: [false, false], typeof(bool), new BoolTypeMapping("INTEGER")));
        foreach (var method in ByType.Values)
        {
            // EF Core wants the non-nullable type of a function's value, even when it may be null.
            var type = Nullable.GetUnderlyingType(method.ReturnType) ?? method.ReturnType;
            builder.HasDbFunction(method).HasTranslation(args =>
                new SqlFunctionExpression("+", args, nullable: true, argumentsPropagateNullability: [true], type, args[0].TypeMapping));
        }
    }

    private sealed class Wrapper(ParameterExpression entity) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == entity && ByType.TryGetValue(node.Type, out var method) ? Expression.Call(method, node) : base.VisitMember(node);
    }
}
