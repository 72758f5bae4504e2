using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.HttpOverrides;

namespace ServicePortal.Security;

/// <summary>
/// The portal's transport and browser hardening (issue 12, "safe by default"): HTTPS redirection and HSTS
/// outside Development, forwarded headers from configured TLS proxies (<c>Portal:KnownProxies</c>, addresses
/// or CIDR networks), Secure cookies when the request is HTTPS, and on every response
/// <c>X-Content-Type-Options</c>, <c>Referrer-Policy</c>, <c>X-Frame-Options</c> and a strict
/// Content-Security-Policy: scripts only from the portal itself plus the one inline import map, by a
/// per-request nonce; no plugins, frames or foreign form targets. MudBlazor sets inline style attributes,
/// so styles allow 'unsafe-inline' (styles cannot run code).
/// </summary>
public static class PortalSecurity
{
    /// <summary>The key under which the request's CSP nonce is kept in <see cref="HttpContext.Items"/> (App.razor puts it on the import map).</summary>
    public const string NonceKey = "portal-csp-nonce";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the proxies named here are believed; by default only loopback (a proxy on the same machine).
            foreach (var entry in configuration.GetSection("Portal:KnownProxies").Get<string[]>() ?? [])
            {
                if (entry.Contains('/', StringComparison.Ordinal)) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // an intranet host name; its siblings are not ours to pin
        });
        services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true; // ours (DENY) is on every response, not only on forms
        });
        return services;
    }

    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use(static (context, next) =>
        {
            // Hex, not Base64: a '+' or '/' would be HTML-encoded in the nonce attribute (&#x2B;), which the
            // browser decodes but nothing else does; hex is plain in HTML and valid in the CSP grammar.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            return next(context);
        });
        return app;
    }

    /// <summary>The policy for one response, with its nonce.</summary>
    public static string ContentSecurityPolicy(string nonce) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    /// <summary>The nonce of the current request (empty outside a request).</summary>
    public static string Nonce(HttpContext? context) => context?.Items[NonceKey] as string ?? "";
}
