using Microsoft.AspNetCore.Components;

namespace ServicePortal.Components.Shared.Registers;

/// <summary>
/// A register's column: a plain description the grid renders as markup, not a component. MudDataGrid made a component per
/// column, header and cell (20 rows × 11 columns: ~250 per register page), and every component keeps its render buffers
/// for the circuit's life (issue 12).
/// </summary>
/// <param name="Field">The field's name as the register's query knows it (<c>Number</c>, <c>Owner.Name</c>): what a sort asks for.</param>
/// <param name="Title">The header's text.</param>
public sealed record RegisterColumn<T>(string Field, string Title)
{
    /// <summary>The header sorts by <see cref="Field"/> (the query must know it).</summary>
    public bool Sortable { get; init; } = true;

    /// <summary>The register opens sorted by this column, newest first.</summary>
    public bool InitialDescending { get; init; }

    /// <summary>More classes for the cells (<c>text-nowrap</c>, <c>register-customer</c>).</summary>
    public string? CellClass { get; init; }

    /// <summary>The cell's text, where it has no <see cref="Cell"/>.</summary>
    public Func<T, object?>? Text { get; init; }

    /// <summary>
    /// The cell's markup as HTML text, every value in it encoded (<c>WebUtility.HtmlEncode</c>, <see cref="Plain.LinkHtml"/>,
    /// <see cref="Plain.ChipHtml"/>). When every column has this or <see cref="Text"/>, the grid writes a page of rows as one
    /// markup string: ~50 frames a row were a 2,048-frame buffer (82 KB) per register and circuit (issue 12).
    /// </summary>
    public Func<T, string>? Html { get; init; }

    /// <summary>
    /// The cell's markup as a render fragment, rendered in the grid's own render tree: keep it to markup, a component in it is
    /// one more per row for the circuit's life. Prefer <see cref="Html"/>: one column with a Cell makes every row frames again.
    /// </summary>
    public RenderFragment<T>? Cell { get; init; }
}
