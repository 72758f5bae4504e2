using System.Globalization;
using System.Text;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Customers;

/// <summary>Field rules of a customer file, with the Chinese message per field (keys: the API's camelCase names).</summary>
public static class CustomerFileValidator
{
    private static readonly string[] NameSuffixes = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司"];

    /// <summary>A name as duplicate detection compares it: no spaces or punctuation, no common company suffixes, lower case.</summary>
    public static string NormalizeName(string? name)
    {
        var sb = new StringBuilder();
        foreach (var ch in (name ?? "").Trim())
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        var n = sb.ToString();
        foreach (var suffix in NameSuffixes)
            if (n.Length > suffix.Length && n.EndsWith(suffix, StringComparison.Ordinal)) { n = n[..^suffix.Length]; break; }
        return n;
    }

    /// <summary>
    /// A LIKE pattern every name whose <see cref="NormalizeName"/> is <paramref name="key"/> matches: the key's characters
    /// in order with anything between (spaces, punctuation, a suffix). A character that may come from another case stands as
    /// <c>_</c> (any one character): SQLite's LIKE ignores the case of ASCII letters only, PostgreSQL's none; only letters
    /// without case (Chinese) and digits stand as themselves. A key holds letters and digits only, so nothing needs escaping.
    /// </summary>
    public static string NameKeyLike(string key)
    {
        var sb = new StringBuilder("%");
        foreach (var ch in key)
            sb.Append(CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber ? ch : '_').Append('%');
        return sb.ToString();
    }

    public static void ThrowIfInvalid(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0) throw new InputInvalidException(errors);
    }

    public static Dictionary<string, string[]> ValidateOpen(CustomerInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string? message) { if (message is not null) errors[field] = [message]; }
        Add("kind", input.Kind is null ? "请选择客户类型（个人或机构）" : Enum.IsDefined(input.Kind.Value) ? null : "客户类型无效");
        Add("name", ComplaintValidator.RequiredText(input.Name, "客户名称", Customer.NameMax));
        Add("phone", ComplaintValidator.PhoneError(input.Phone));
        Add("address", ComplaintValidator.OptionalText(input.Address, "地址", Customer.AddressMax));
        Add("serviceArea", ComplaintValidator.OptionalText(input.ServiceArea, "服务区域", Customer.ShortTextMax));
        return errors;
    }

    public static Dictionary<string, string[]> ValidateBasic(CustomerBasicInput b, DateOnly today, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string? message) { if (message is not null) errors[prefix + field] = [message]; }
        Add("industry", ComplaintValidator.OptionalText(b.Industry, "行业", Customer.ShortTextMax));
        Add("scale", ComplaintValidator.OptionalText(b.Scale, "企业规模", 200));
        Add("qualifications", ComplaintValidator.OptionalText(b.Qualifications, "资质", 500));
        Add("businessNotes", ComplaintValidator.OptionalText(b.BusinessNotes, "业务备注", Customer.TextMax));
        Add("creditClass", b.CreditClass is { } c && !Enum.IsDefined(c) ? "信用等级只能是 A、B、C 或 D" : null);
        Add("customerSince", b.CustomerSince > today ? "建立业务关系时间不能晚于今天" : null);
        Add("foundedOn", b.FoundedOn > today ? "创立时间不能晚于今天" : null);
        return errors;
    }

    public static Dictionary<string, string[]> ValidateContact(ContactInput c)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string? message) { if (message is not null) errors[field] = [message]; }
        Add("name", ComplaintValidator.RequiredText(c.Name, "联系人姓名", Customer.ShortTextMax));
        Add("role", ComplaintValidator.OptionalText(c.Role, "职务", Customer.ShortTextMax));
        if (!string.IsNullOrWhiteSpace(c.Phone)) Add("phone", ComplaintValidator.PhoneError(c.Phone));
        var email = c.Email?.Trim() ?? "";
        Add("email", email.Length > 128 ? "邮箱不能超过 128 个字符"
            : email.Length > 0 && (!email.Contains('@') || email.StartsWith('@') || email.EndsWith('@')) ? "邮箱格式不正确，如 name@example.com" : null);
        Add("notes", ComplaintValidator.OptionalText(c.Notes, "备注", 500));
        return errors;
    }

    public static Dictionary<string, string[]> ValidateProduct(ProductInput p)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string? message) { if (message is not null) errors[field] = [message]; }
        Add("model", ComplaintValidator.RequiredText(p.Model, "产品型号", Customer.ShortTextMax));
        Add("serialNumber", ComplaintValidator.OptionalText(p.SerialNumber, "序列号", Customer.ShortTextMax));
        Add("warrantyEnd", p.WarrantyEnd is { } w && (p.PurchasedOn ?? p.InstalledOn) is { } from && w < from ? "保修截止日期不能早于购买或安装日期" : null);
        return errors;
    }

    public static Dictionary<string, string[]> ValidateCooperation(CooperationInput r)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string? message) { if (message is not null) errors[field] = [message]; }
        Add("kind", r.Kind is null ? "请选择记录类型" : Enum.IsDefined(r.Kind.Value) ? null : "记录类型无效");
        Add("on", r.On is null ? "请输入日期" : null);
        Add("title", ComplaintValidator.RequiredText(r.Title, "标题", 200));
        Add("amount", r.Amount < 0 ? "金额不能为负数" : null);
        Add("details", ComplaintValidator.OptionalText(r.Details, "详情", Customer.TextMax));
        return errors;
    }
}
