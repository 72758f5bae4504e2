using Microsoft.Extensions.Localization;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Components.Shared;

/// <summary>A revisit task's status in the reader's language (keys <c>RevisitStatus.*</c>); exports keep the domain's Chinese.</summary>
public static class RevisitTexts
{
    public static string Text(this IStringLocalizer l, RevisitStatus s) => l[$"RevisitStatus.{s}"];
}
