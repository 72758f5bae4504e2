namespace ServicePortal.Components.Layout;

/// <summary>When a menu entry is the current page, as Blazor's NavLink decides it (.NET 10).</summary>
public static class NavMatch
{
    /// <summary>
    /// Match All: the address without its query and fragment is the link's (a trailing slash aside).
    /// Prefix: the address is the link's, or starts with it followed by '/', '?' or '#'.
    /// </summary>
    public static bool IsActive(string hrefAbsolute, string uriAbsolute, bool matchAll)
    {
        var uri = matchAll ? uriAbsolute.Split('?', '#')[0] : uriAbsolute;
        if (string.Equals(uri.TrimEnd('/'), hrefAbsolute.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) return true;
        return !matchAll && uri.Length > hrefAbsolute.Length && uri.StartsWith(hrefAbsolute, StringComparison.OrdinalIgnoreCase)
            && (hrefAbsolute.EndsWith('/') || uri[hrefAbsolute.Length] is '/' or '?' or '#');
    }
}
