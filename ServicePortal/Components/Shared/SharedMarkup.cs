using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;

namespace ServicePortal.Components.Shared;

/// <summary>
/// Markup made once per shared object and language: heads looking at the same report (KpiReportCache shares it between
/// circuits) share one string, not a copy each, and a markup string is one render frame where the elements it replaces
/// were dozens (issue 12). Kept as long as the source lives.
/// </summary>
public static class SharedMarkup
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, string>> Built = new();

    /// <summary>The markup of <paramref name="source"/> as <paramref name="variant"/> in the current language, built once.</summary>
    /// <param name="source">What the markup shows (a list or figure of the report): its identity is the key.</param>
    /// <param name="variant">Which markup of it ("table", "owner" …); the language is added.</param>
    /// <param name="build">Writes it; called once per source, variant and language.</param>
    public static MarkupString Of(object source, string variant, Func<string> build) =>
        new(Built.GetOrCreateValue(source).GetOrAdd(variant + "|" + CultureInfo.CurrentUICulture.Name, static (_, make) => make(), build));
}
