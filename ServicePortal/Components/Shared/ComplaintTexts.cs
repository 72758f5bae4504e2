using Microsoft.Extensions.Localization;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Components.Shared;

/// <summary>
/// A complaint's status, severity and channel in the reader's language (keys <c>ComplaintStatus.*</c> …).
/// The domain's <c>Chinese()</c> names stay for what the department files: Excel registers, slips, the API.
/// </summary>
public static class ComplaintTexts
{
    public static string Text(this IStringLocalizer l, ComplaintStatus s) => l[$"ComplaintStatus.{s}"];

    public static string Text(this IStringLocalizer l, ComplaintSeverity s) => l[$"ComplaintSeverity.{s}"];

    public static string Text(this IStringLocalizer l, ComplaintChannel c) => l[$"ComplaintChannel.{c}"];
}
