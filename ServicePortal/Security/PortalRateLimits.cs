using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ServicePortal.Domain.Accounts;

namespace ServicePortal.Security;

/// <summary>One limit: at most <see cref="PermitLimit"/> requests in a window of <see cref="WindowSeconds"/> seconds.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }

    internal FixedWindowRateLimiterOptions Options() => new()
    {
        PermitLimit = Math.Max(1, PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, WindowSeconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>The portal's rate limits (issue 12), configured under <c>Portal:RateLimits</c>.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "Portal:RateLimits";

    /// <summary>Sign-in attempts (page and API) for one account name, whatever the address.</summary>
    public RateLimit SignInPerAccount { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };

    /// <summary>Sign-in attempts (page and API) from one client address, whatever the account (an office behind one NAT shares it).</summary>
    public RateLimit SignInPerAddress { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Excel downloads under <c>/api/exports/</c> and <c>/api/reports/</c> by one signed-in user.</summary>
    public RateLimit ExportsPerUser { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };
}

/// <summary>
/// Guards sign-in (the login page and <c>POST /api/auth/login</c>): limits attempts per account name and per
/// client address (behind a known proxy the forwarded address, see <see cref="PortalSecurity"/>), and lets an
/// unknown user name cost the same password-hash verification as a wrong password, so neither the answer nor
/// its timing tells whether the account exists.
/// </summary>
public sealed class SignInGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly PartitionedRateLimiter<string> _perAddress;
    private string? _dummyHash;

    public SignInGuard(IOptions<RateLimitSettings> settings)
    {
        var limits = settings.Value;
        _perAccount = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => limits.SignInPerAccount.Options()));
        _perAddress = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => limits.SignInPerAddress.Options()));
    }

    private static readonly PortalUser DummyUser = new() { UserName = "-", DisplayName = "-" };

    /// <summary>Counts one attempt; null when it may go ahead, else how long to wait.</summary>
    public TimeSpan? Refuse(string userName, IPAddress? address)
    {
        using var byAddress = _perAddress.AttemptAcquire(address?.ToString() ?? "unknown");
        if (!byAddress.IsAcquired) return RetryAfter(byAddress);
        using var byAccount = _perAccount.AttemptAcquire(userName.Trim().ToUpperInvariant());
        return byAccount.IsAcquired ? null : RetryAfter(byAccount);
    }

    /// <summary>For an unknown user name: verifies the password against a dummy hash (always fails), as long as a real check.</summary>
    public void VerifyAgainstDummy(IPasswordHasher<PortalUser> hasher, string password)
    {
        // Made by the portal's own hasher (its format and work factor), so verifying it takes as long as a real account's.
        var hash = _dummyHash ??= hasher.HashPassword(DummyUser, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(DummyUser, hash, password);
    }

    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);

    /// <summary>Whole seconds to wait, at least one (the Retry-After header's value).</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public void Dispose()
    {
        _perAccount.Dispose();
        _perAddress.Dispose();
    }
}

public static class PortalRateLimits
{
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitSettings>(configuration.GetSection(RateLimitSettings.Section));
        services.AddSingleton<SignInGuard>();
        services.AddRateLimiter(o =>
        {
            // Exports per signed-in user; every other request passes. Runs after authentication, so the user is known.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!IsExport(context.Request.Path)) return RateLimitPartition.GetNoLimiter("");
                var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value.ExportsPerUser;
                var user = context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.Identity.Name : "address:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(user, _ => limit.Options());
            });
            o.OnRejected = (context, ct) =>
            {
                var wait = SignInGuard.Seconds(SignInGuard.RetryAfter(context.Lease));
                return new ValueTask(TooManyRequests(context.HttpContext, wait, $"导出过于频繁，请 {wait} 秒后再试。").ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }

    private static bool IsExport(PathString path) =>
        path.StartsWithSegments("/api/exports", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api/reports", StringComparison.OrdinalIgnoreCase);

    /// <summary>429 problem details with a Chinese message and the Retry-After header (seconds).</summary>
    public static IResult TooManyRequests(HttpContext context, int seconds, string detail)
    {
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁",
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }
}
