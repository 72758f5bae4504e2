using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using ServicePortal.Domain.Accounts;

namespace ServicePortal.Components.Account;

internal static class AccountEndpoints
{
    /// <summary>Sign-out and the language switch (both need a full HTTP request to set cookies).</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInManager<PortalUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });

        endpoints.MapGet("/culture", (HttpContext context, string? culture, string? redirectUri) =>
        {
            if (PortalCultures.IsSupported(culture))
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            }
            var target = string.IsNullOrEmpty(redirectUri) || !redirectUri.StartsWith('/') || redirectUri.StartsWith("//", StringComparison.Ordinal) ? "/" : redirectUri;
            return Results.LocalRedirect("~" + target);
        }).AllowAnonymous();
    }
}
