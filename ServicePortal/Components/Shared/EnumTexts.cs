using System.Globalization;
using Microsoft.Extensions.Localization;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Components.Shared;

/// <summary>
/// A domain enum's value in the reader's language: the key is the type's name and the value's
/// (<c>ComplaintStatus.Closed</c>, <c>RevisitKind.AfterRepair</c> …), one per value in the three resource files.
/// The domain's <c>Chinese()</c> names stay for what the department files: Excel registers, slips, PDFs, the API.
/// </summary>
public static class EnumTexts
{
    public static string Text<TEnum>(this IStringLocalizer l, TEnum value) where TEnum : struct, Enum => l[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>A quarter in the reader's language (keys <c>Quarter.Q1</c> … with the year as {0}).</summary>
    public static string Text(this IStringLocalizer l, Quarter q) => l[$"Quarter.Q{q.Number}", q.Year.ToString(CultureInfo.InvariantCulture)];
}
