using System.Text.RegularExpressions;

namespace ServicePortal.Domain.Complaints;

/// <summary>
/// Field rules of the intake form, with the Chinese message shown next to each field.
/// Keys are the camelCase field names used by the API and the form.
/// </summary>
public static partial class ComplaintValidator
{
    public const int NameMax = 50;
    public const int PhoneMax = 30;
    public const int AddressMax = 200;
    public const int ContentMax = 2000;
    public const int RequestMax = 500;

    /// <summary>Clock skew allowed before a received time counts as "in the future".</summary>
    public static readonly TimeSpan FutureTolerance = Common.ClientTimes.FutureTolerance;

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobileRegex();

    // Area code 0xx or 0xxx, 7–8 digit number, optional extension (-123, 转123, ext123).
    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(?:(?:-|转|ext\.?)\d{1,6})?$", RegexOptions.IgnoreCase)]
    private static partial Regex LandlineRegex();

    public static string NormalizePhone(string? phone) =>
        (phone ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("－", "-", StringComparison.Ordinal);

    public static string? PhoneError(string? phone)
    {
        var p = NormalizePhone(phone);
        if (p.Length == 0) return "请输入联系电话";
        if (p.Length > PhoneMax) return $"联系电话不能超过 {PhoneMax} 个字符";
        if (MobileRegex().IsMatch(p) || LandlineRegex().IsMatch(p)) return null;
        return "电话号码格式不正确：手机号为 1 开头的 11 位数字（第二位 3–9），座机需带区号，如 010-12345678 或 0755-1234567-801";
    }

    public static string? RequiredText(string? value, string label, int max)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) return $"请输入{label}";
        if (v.Length > max) return $"{label}不能超过 {max} 个字（当前 {v.Length} 个）";
        return null;
    }

    public static string? OptionalText(string? value, string label, int max) =>
        (value?.Trim().Length ?? 0) > max ? $"{label}不能超过 {max} 个字" : null;

    /// <summary>Checks every field; an empty result means the input may be saved.</summary>
    public static Dictionary<string, string[]> Validate(ComplaintInput input, IReadOnlyCollection<string> categories, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string? message)
        {
            if (message is not null) errors[field] = [message];
        }

        if (input.CustomerId is null)
        {
            Add("customerName", RequiredText(input.CustomerName, "客户姓名", NameMax));
            Add("customerPhone", PhoneError(input.CustomerPhone));
            Add("customerAddress", OptionalText(input.CustomerAddress, "客户地址", AddressMax));
        }
        Add("channel", input.Channel is null ? "请选择投诉渠道"
            : Enum.IsDefined(input.Channel.Value) ? null : "投诉渠道无效");
        Add("content", RequiredText(input.Content, "投诉内容", ContentMax));
        Add("customerRequest", RequiredText(input.CustomerRequest, "客户要求", RequestMax));
        Add("category", string.IsNullOrWhiteSpace(input.Category) ? "请选择投诉类别"
            : categories.Contains(input.Category.Trim()) ? null : $"投诉类别“{input.Category}”不存在，请从列表中选择");
        Add("severity", input.Severity is null ? "请选择严重程度"
            : Enum.IsDefined(input.Severity.Value) ? null : "严重程度无效");

        if (input.ReceivedAt is { } received && received > now + FutureTolerance)
            Add("receivedAt", "受理时间不能晚于当前时间");
        var effectiveReceived = input.ReceivedAt ?? now;
        if (input.PromisedReplyAt is { } promised && promised <= effectiveReceived)
            Add("promisedReplyAt", "承诺答复时间必须晚于受理时间");

        return errors;
    }
}
