using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Domain.Exports;

/// <summary>
/// The customer register as an Excel workbook: every active customer of the list's filter, no cap,
/// streamed by <see cref="RegisterSheet"/> like the other registers. The columns follow the list's
/// confidentiality rule: credit class and industry (basic part) only for a role that may see it —
/// otherwise the columns are not in the file at all.
/// </summary>
public sealed class CustomerRegisterExport(CustomerDirectory directory, PortalClock clock)
{
    public const string SheetName = "客户档案台账";

    /// <summary>The columns a viewer gets: the open ones, plus the basic part's when <paramref name="basic"/>.</summary>
    public static IReadOnlyList<ExportColumn<CustomerListItem>> Columns(bool basic)
    {
        var columns = new ExportColumns<CustomerListItem>()
            .WholeNumber("客户编号", 10, r => r.Id)
            .Text("客户名称", 30, r => r.Name)
            .Text("类型", 8, r => r.Kind.Chinese())
            .Text("电话", 18, r => r.Phone)
            .Text("地址", 40, r => r.Address)
            .Text("服务区域", 12, r => r.ServiceArea)
            .Text("重点客户", 10, r => r.IsKeyCustomer ? "是" : "否");
        if (basic)
            columns.Text("信用等级", 10, r => r.CreditClass?.ToString()).Text("所属行业", 16, r => r.Industry);
        return columns.All;
    }

    public string FileName() => RegisterSheet.FileName(SheetName, clock);

    public string AsciiFileName() => RegisterSheet.FileName("customers", clock);

    /// <summary>Writes the workbook of every customer matching <paramref name="query"/> (paging ignored) as <paramref name="role"/> may see it; returns the row count.</summary>
    /// <exception cref="NotPermittedException">a classified filter beyond the role's clearance.</exception>
    public async Task<int> WriteAsync(CustomerQuery query, string role, Stream output, CancellationToken ct = default)
    {
        var settings = await directory.SettingsAsync(ct);
        if (CustomerDirectory.Refusal(query, settings, role) is { } refusal) throw new NotPermittedException(refusal);
        var title = RegisterSheet.Title(SheetName, Describe(query), clock);
        return await RegisterSheet.WriteAsync(output, SheetName, title, Columns(CustomerDirectory.ShowsBasic(settings, role)),
            directory.ExportRowsAsync(query, role, ct), ct);
    }

    /// <summary>The filter in words for the title row.</summary>
    public static string Describe(CustomerQuery q)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(q.Search)) parts.Add($"搜索“{q.Search.Trim()}”");
        if (!string.IsNullOrWhiteSpace(q.Contact)) parts.Add($"联系人“{q.Contact.Trim()}”");
        if (!string.IsNullOrWhiteSpace(q.Area)) parts.Add($"服务区域：{q.Area.Trim()}");
        if (q.Key is { } key) parts.Add(key ? "重点客户" : "非重点客户");
        if (q.Credit is { } credit) parts.Add($"信用等级：{credit}");
        if (!string.IsNullOrWhiteSpace(q.Industry)) parts.Add($"行业：{q.Industry.Trim()}");
        if (q.Kind is { } kind) parts.Add($"类型：{kind.Chinese()}");
        var sort = q.Sort switch { CustomerSort.Name => "客户名称", CustomerSort.Area => "服务区域", _ => "建档时间" };
        return RegisterSheet.Filter(parts, sort, q.Descending);
    }
}
