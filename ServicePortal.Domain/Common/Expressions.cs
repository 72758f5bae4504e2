using System.Linq.Expressions;
using System.Reflection;

namespace ServicePortal.Domain.Common;

/// <summary>
/// Small tools to write a rule once as an expression and use it both ways: compiled, in C#, and
/// translated by EF Core, in SQL. A rule can use another through <c>rule.Invoke(…)</c> inside an
/// expression given to <see cref="Expand{T}"/>; a rule over a record can be bound to an entity whose
/// members have the same names (<see cref="Bind{TFrom,TTo,TResult}"/>), and its time values to query
/// parameters.
/// </summary>
public static class Expressions
{
    /// <summary>Marks the use of a rule inside an expression; <see cref="Expand{T}"/> puts the rule's body there.</summary>
    public static TResult Invoke<T, TResult>(this Expression<Func<T, TResult>> rule, T arg) => throw Outside();

    /// <inheritdoc cref="Invoke{T,TResult}"/>
    public static TResult Invoke<T1, T2, TResult>(this Expression<Func<T1, T2, TResult>> rule, T1 arg1, T2 arg2) => throw Outside();

    /// <inheritdoc cref="Invoke{T,TResult}"/>
    public static TResult Invoke<T1, T2, T3, TResult>(this Expression<Func<T1, T2, T3, TResult>> rule, T1 arg1, T2 arg2, T3 arg3) => throw Outside();

    /// <summary><paramref name="expression"/> with every <c>rule.Invoke(…)</c> replaced by the rule's body (recursively).</summary>
    public static Expression<T> Expand<T>(Expression<T> expression) => (Expression<T>)new Inliner().Visit(expression);

    /// <summary><see cref="Queryable.Select{TSource,TResult}(IQueryable{TSource}, Expression{Func{TSource,TResult}})"/> of an expanded selector (<see cref="Expand{T}"/>).</summary>
    public static IQueryable<TResult> SelectExpanded<TSource, TResult>(this IQueryable<TSource> source, Expression<Func<TSource, TResult>> selector) =>
        source.Select(Expand(selector));

    /// <summary>
    /// The rule <paramref name="rule"/> over a record <typeparamref name="TFrom"/> for an entity
    /// <typeparamref name="TTo"/>: each member of the record it reads becomes the entity's member of the same name.
    /// </summary>
    public static Expression<Func<TTo, TResult>> Bind<TFrom, TTo, TResult>(Expression<Func<TFrom, TResult>> rule)
    {
        var entity = Expression.Parameter(typeof(TTo), "c");
        return Expression.Lambda<Func<TTo, TResult>>(new Rebinder(rule.Parameters[0], entity).Visit(rule.Body), entity);
    }

    /// <summary>The same for a rule of a time (or other value), which becomes a query parameter.</summary>
    public static Expression<Func<TTo, TResult>> Bind<TFrom, TTo, TValue, TResult>(Expression<Func<TFrom, TValue, TResult>> rule, TValue value)
    {
        var entity = Expression.Parameter(typeof(TTo), "c");
        var body = new Rebinder(rule.Parameters[0], entity).Visit(rule.Body);
        return Expression.Lambda<Func<TTo, TResult>>(Replace(body, rule.Parameters[1], Parameter(value)), entity);
    }

    /// <summary>The same with two values.</summary>
    public static Expression<Func<TTo, TResult>> Bind<TFrom, TTo, TValue, TResult>(Expression<Func<TFrom, TValue, TValue, TResult>> rule, TValue first, TValue second)
    {
        var entity = Expression.Parameter(typeof(TTo), "c");
        var body = new Rebinder(rule.Parameters[0], entity).Visit(rule.Body);
        body = Replace(Replace(body, rule.Parameters[1], Parameter(first)), rule.Parameters[2], Parameter(second));
        return Expression.Lambda<Func<TTo, TResult>>(body, entity);
    }

    /// <summary>A value as EF Core reads a captured variable: a query parameter, not a constant in the SQL text.</summary>
    public static Expression Parameter<TValue>(TValue value) =>
        Expression.Field(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));

    /// <summary>
    /// <paramref name="template"/> with its second parameter replaced by the body of <paramref name="projection"/>
    /// applied to its first: a row that contains a sub-record projected by one shared expression.
    /// </summary>
    public static Expression<Func<T, TResult>> With<T, TPart, TResult>(Expression<Func<T, TPart>> projection, Expression<Func<T, TPart, TResult>> template) =>
        Expression.Lambda<Func<T, TResult>>(
            Replace(template.Body, template.Parameters[1], Replace(projection.Body, projection.Parameters[0], template.Parameters[0])),
            template.Parameters[0]);

    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, Replace(right.Body, right.Parameters[0], left.Parameters[0])), left.Parameters[0]);

    public static Expression<Func<T, bool>> Not<T>(this Expression<Func<T, bool>> condition) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(condition.Body), condition.Parameters[0]);

    /// <summary>Replaces every occurrence of <paramref name="find"/> in <paramref name="body"/>.</summary>
    public static Expression Replace(Expression body, Expression find, Expression with) => new Replacer(find, with).Visit(body)!;

    /// <summary>
    /// Replaces reads of the members of <paramref name="record"/> in <paramref name="body"/> by the expressions
    /// given for their names (a member not given stays a read of <paramref name="record"/>).
    /// </summary>
    public static Expression Substitute(Expression body, ParameterExpression record, IReadOnlyDictionary<string, Expression> members) =>
        new MemberSubstitution(record, members).Visit(body);

    private static InvalidOperationException Outside() => new("Invoke marks a rule inside an expression; expand the expression with Expressions.Expand.");

    private sealed class Box<TValue>(TValue value)
    {
#pragma warning disable CA1051 // a field, like the compiler's closures: EF Core reads it as a parameter
        public readonly TValue Value = value;
#pragma warning restore CA1051
    }

    private sealed class Replacer(Expression find, Expression with) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == find ? with : base.Visit(node);
    }

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Expressions) || node.Method.Name != nameof(Invoke)) return base.VisitMethodCall(node);
            // The rule is a value here (a field or a captured variable): read it, then inline its body.
            var rule = (LambdaExpression)Value(node.Arguments[0])!;
            var body = rule.Body;
            for (var i = 0; i < rule.Parameters.Count; i++) body = Replace(body, rule.Parameters[i], node.Arguments[i + 1]);
            return Visit(body);
        }

        /// <summary>A field or property of a closure or a static, read directly; anything else evaluated.</summary>
        private static object? Value(Expression e) => e switch
        {
            ConstantExpression c => c.Value,
            MemberExpression { Member: FieldInfo f } m => f.GetValue(m.Expression is null ? null : Value(m.Expression)),
            MemberExpression { Member: PropertyInfo p } m => p.GetValue(m.Expression is null ? null : Value(m.Expression)),
            _ => Expression.Lambda(e).Compile(preferInterpretation: true).DynamicInvoke(),
        };
    }

    /// <summary>Reads the members of one parameter from another object's members of the same names.</summary>
    private sealed class Rebinder(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression != from) return base.VisitMember(node);
            var member = to.Type.GetProperty(node.Member.Name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{to.Type.Name} has no member {node.Member.Name} for {from.Type.Name}.{node.Member.Name}");
            Expression read = Expression.Property(to, member);
            return read.Type == node.Type ? read : Expression.Convert(read, node.Type);
        }

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == from ? throw new InvalidOperationException($"{from.Type.Name} is used whole; only its members can be bound to {to.Type.Name}") : node;
    }

    private sealed class MemberSubstitution(ParameterExpression record, IReadOnlyDictionary<string, Expression> members) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression != record || !members.TryGetValue(node.Member.Name, out var with)) return base.VisitMember(node);
            return with.Type == node.Type ? with : Expression.Convert(with, node.Type);
        }
    }
}
