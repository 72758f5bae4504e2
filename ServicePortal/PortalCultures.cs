using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ServicePortal;

/// <summary>Interface languages: Simplified Chinese first, English, Traditional Chinese; chosen by cookie.</summary>
public static class PortalCultures
{
    public const string Default = "zh-CN";
    public static readonly IReadOnlyList<(string Code, string Label)> Supported =
        [("zh-CN", "简体中文"), ("en", "English"), ("zh-TW", "繁體中文")];

    public static RequestLocalizationOptions LocalizationOptions()
    {
        var cultures = Supported.Select(s => new CultureInfo(s.Code)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Default),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        // Only the user's own choice (cookie) counts: a browser set to English still gets Chinese first.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    public static bool IsSupported(string? code) => Supported.Any(s => s.Code == code);
}
