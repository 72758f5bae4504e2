using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ServicePortal.Components.Shared.Registers;

/// <summary>
/// A grid column named by its field — the name the register's query sorts by — with its value as a delegate.
/// MudBlazor's <c>PropertyColumn</c> compiles its <c>Property</c> expression in every new column and at every render
/// (Razor builds a new expression tree each time): at 20 circuits that was ~18 % of the server's CPU while users
/// moved between pages (issue 12). Nothing here is compiled.
/// </summary>
public sealed class FieldColumn<T> : Column<T>
{
    /// <summary>The field's path as the query knows it (<c>Number</c>, <c>Owner.Name</c>): what a sort asks for.</summary>
    [Parameter, EditorRequired] public required string Field { get; set; }

    /// <summary>The cell's text where the column has no <c>CellTemplate</c>.</summary>
    [Parameter] public Func<T, object?>? Text { get; set; }

    public override string? PropertyName => Field;

    protected override object? CellContent(T item) => Text?.Invoke(item);

    protected override object? PropertyFunc(T item) => Text?.Invoke(item);

    /// <summary>Registers are read-only: no cell is edited.</summary>
    protected override void SetProperty(object? item, object? value) { }
}
