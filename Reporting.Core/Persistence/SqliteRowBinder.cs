using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Reporting.Core.Persistence;

/// <summary>
/// Binds every column of a row to a <see cref="SqliteRowStatement"/> in one compiled method: each property read
/// typed, its EF value converter inlined, and the matching typed bind called, so a 55-column row costs no boxed
/// value, no <c>object</c> getter and no type switch (docs/decisions/021). A column of a type the typed binds do not
/// cover goes through <see cref="SqliteRowStatement.Bind(int, object?)"/> as before. Compiled once per model and
/// column list, since compiling costs far more than a batch of binds.
/// </summary>
internal static class SqliteRowBinder<T> where T : class
{
    private static readonly ConditionalWeakTable<IEntityType, Action<T, SqliteRowStatement>> Compiled = new();

    /// <summary>
    /// The binder of <paramref name="columns"/> (parameter <c>?n</c> is column n-1), which must be the same list every time
    /// for <paramref name="entity"/> (the row writers' every stored column, in model order).
    /// </summary>
    public static Action<T, SqliteRowStatement> For(IEntityType entity, IProperty[] columns) => Compiled.GetValue(entity, _ => Compile(columns));

    private static Action<T, SqliteRowStatement> Compile(IProperty[] columns)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var statement = Expression.Parameter(typeof(SqliteRowStatement), "statement");
        var binds = new List<Expression>(columns.Length);
        for (var i = 0; i < columns.Length; i++)
        {
            binds.Add(BindColumn(columns[i], i + 1, row, statement));
        }

        return Expression.Lambda<Action<T, SqliteRowStatement>>(Expression.Block(binds), row, statement).Compile();
    }

    private static Expression BindColumn(IProperty property, int index, ParameterExpression row, ParameterExpression statement)
    {
        if (property.PropertyInfo is not { } info || property.IsShadowProperty())
        {
            return Boxed(property, index, row, statement);
        }

        Expression value = Expression.Property(row, info);
        if (property.GetTypeMapping().Converter is { } converter)
        {
            // EF converters take the non-nullable model type: a nullable column converts its value, and stays null.
            var model = converter.ModelClrType;
            var convert = converter.ConvertToProviderExpression;
            if (Nullable.GetUnderlyingType(value.Type) == model)
            {
                var provider = convert.ReturnType.IsValueType ? typeof(Nullable<>).MakeGenericType(convert.ReturnType) : convert.ReturnType;
                value = Expression.Condition(
                    Expression.Property(value, "HasValue"),
                    Expression.Convert(Expression.Invoke(convert, Expression.Property(value, "Value")), provider),
                    Expression.Default(provider));
            }
            else if (value.Type == model)
            {
                value = Expression.Invoke(convert, value);
            }
            else
            {
                return Boxed(property, index, row, statement);
            }
        }

        var position = Expression.Constant(index);
        if (Nullable.GetUnderlyingType(value.Type) is { } underlying)
        {
            var local = Expression.Variable(value.Type, "value");
            var bound = Typed(Expression.Property(local, "Value"), underlying, position, statement);
            if (bound is null)
            {
                return Boxed(property, index, row, statement);
            }

            return Expression.Block([local],
                Expression.Assign(local, value),
                Expression.IfThenElse(Expression.Property(local, "HasValue"), bound, Call(statement, nameof(SqliteRowStatement.BindNull), position)));
        }

        return Typed(value, value.Type, position, statement) ?? Boxed(property, index, row, statement);
    }

    /// <summary>The typed bind of one non-null value, or null when only the object overload binds that type.</summary>
    private static Expression? Typed(Expression value, Type type, ConstantExpression position, ParameterExpression statement) => type switch
    {
        _ when type == typeof(string) => Call(statement, nameof(SqliteRowStatement.BindText), position, value),
        _ when type == typeof(int) => Call(statement, nameof(SqliteRowStatement.BindInt64), position, Expression.Convert(value, typeof(long))),
        _ when type == typeof(long) => Call(statement, nameof(SqliteRowStatement.BindInt64), position, value),
        _ when type == typeof(bool) => Call(statement, nameof(SqliteRowStatement.BindBool), position, value),
        _ when type == typeof(DateTime) => Call(statement, nameof(SqliteRowStatement.BindDate), position, value),
        _ when type == typeof(decimal) => Call(statement, nameof(SqliteRowStatement.BindDecimal), position, value),
        _ when type == typeof(double) => Call(statement, nameof(SqliteRowStatement.BindDouble), position, value),
        _ => null,
    };

    /// <summary>The former path for anything else: EF's getter and converter, then the object overload (which throws for an unknown type).</summary>
    private static Expression Boxed(IProperty property, int index, ParameterExpression row, ParameterExpression statement)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        Func<T, object?> read = converter is null
            ? r => getter.GetClrValue(r)
            : r => getter.GetClrValue(r) is { } v ? converter.ConvertToProvider(v) : null;
        return Expression.Call(statement, typeof(SqliteRowStatement).GetMethod(nameof(SqliteRowStatement.Bind), [typeof(int), typeof(object)])!,
            Expression.Constant(index), Expression.Invoke(Expression.Constant(read), row));
    }

    private static MethodCallExpression Call(ParameterExpression statement, string name, params Expression[] arguments) =>
        Expression.Call(statement, typeof(SqliteRowStatement).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, arguments.Select(a => a.Type).ToArray())!, arguments);
}
