namespace ServicePortal.Domain.Customers;

/// <summary>
/// Masks a value shown without a grant (A-2: "138****5678"). The masked form is made on the server, so the
/// value itself never reaches a browser that may not see it.
/// </summary>
public static class Masking
{
    /// <summary>138****5678: the first three and last four digits; shorter numbers keep only their last two.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        var p = phone.Trim();
        if (p.Length >= 11) return p[..3] + new string('*', p.Length - 7) + p[^4..];
        if (p.Length > 4) return new string('*', p.Length - 2) + p[^2..];
        return new string('*', p.Length);
    }

    /// <summary>张** : the first character, a star for each of the rest (at least one).</summary>
    public static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var n = name.Trim();
        return n.Length <= 1 ? "*" : n[..1] + new string('*', n.Length - 1);
    }

    /// <summary>z***@example.com: the first character of the local part and the domain.</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrEmpty(email)) return "";
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : email[..1] + "***" + email[at..];
    }

    /// <summary>A hidden text: never its length or content.</summary>
    public const string Hidden = "******";
}
