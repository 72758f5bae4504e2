using MudBlazor;

namespace ServicePortal.Components.Layout;

internal static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Roboto", "sans-serif"],
            },
        },
    };
}
