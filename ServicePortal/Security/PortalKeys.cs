using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;
using ServicePortal.Domain.Data;

namespace ServicePortal.Security;

/// <summary>
/// The portal's keys, kept in its database so that a restart or a second instance logs nobody out (issue 12):
/// the data-protection key ring (sign-in cookies, antiforgery tokens) and the API token signing key.
/// </summary>
public static class PortalKeys
{
    public const string ApplicationName = "ServicePortal";

    public static IServiceCollection AddPortalKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection()
            .PersistKeysToDbContext<PortalDbContext>()
            .SetApplicationName(ApplicationName);
        // Checked here, so a weak key stops the start with its reason instead of signing tokens.
        var configured = JwtSigningKey.Parse(configuration[JwtSigningKey.Setting]);
        services.AddSingleton(sp => new JwtSigningKey(configured, sp.GetRequiredService<StoredSecrets>(), sp.GetRequiredService<IDataProtectionProvider>()));
        return services;
    }
}

/// <summary>
/// The key that signs and checks API tokens. <c>Portal:JwtKey</c>, when set, must be Base64 of at least 32 random
/// bytes, in every environment (no silent weak key). When it is not set, a key is made at the first start and kept
/// in the database, encrypted by the data-protection key ring (which is in the same database): tokens survive a
/// restart and are accepted by every instance on that database.
/// </summary>
public sealed class JwtSigningKey(byte[]? configured, StoredSecrets secrets, IDataProtectionProvider dataProtection)
{
    public const string Setting = "Portal:JwtKey";
    public const int MinBytes = 32;
    private const string SecretName = "JwtSigningKey";
    /// <summary>The data-protection purpose that encrypts the stored key.</summary>
    public const string Purpose = "ServicePortal.JwtSigningKey";

    private SymmetricSecurityKey? _key;

    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("JwtSigningKey.LoadAsync has not run (Program, after the database is migrated)");

    /// <summary>Takes the configured key, or reads (the first time: makes and stores) the portal's own.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (_key is not null) return;
        var bytes = configured;
        if (bytes is null)
        {
            var protector = dataProtection.CreateProtector(Purpose);
            var stored = await secrets.GetOrAddAsync(SecretName,
                () => Convert.ToBase64String(protector.Protect(RandomNumberGenerator.GetBytes(MinBytes))), ct);
            bytes = protector.Unprotect(Convert.FromBase64String(stored));
        }
        _key = new SymmetricSecurityKey(bytes);
    }

    /// <summary>The configured key's bytes, or null when none is configured.</summary>
    /// <exception cref="InvalidOperationException">a key that is not Base64 or shorter than <see cref="MinBytes"/> bytes.</exception>
    public static byte[]? Parse(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        var bytes = new byte[configured.Length];
        if (!Convert.TryFromBase64String(configured.Trim(), bytes, out var length) || length < MinBytes)
            throw new InvalidOperationException(
                $"{Setting} 不可用：须为 Base64 编码的至少 {MinBytes} 个随机字节（例如 openssl rand -base64 {MinBytes} 的输出），"
                + $"不能是口令或较短的密钥。也可以不设置，由系统首次启动时生成并加密保存在数据库中。"
                + $" ({Setting} must be Base64 of at least {MinBytes} random bytes, e.g. `openssl rand -base64 {MinBytes}`, or left unset.)");
        return bytes[..length];
    }
}
