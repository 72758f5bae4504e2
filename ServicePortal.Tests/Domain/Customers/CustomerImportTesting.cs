using ClosedXML.Excel;
using ServicePortal.Domain.Customers.Import;
using ServicePortal.Domain.Imports;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>
/// Builds customer list workbooks: the template's headers and rows that pass every rule (an organisation
/// with a unique name and mobile per row, basic data, a product); tests change only the cells they are about.
/// Row 1 is the header, so the n-th row added is Excel row n + 1.
/// </summary>
/// <param name="first">the number of the first row's name, phone and serial (tests sharing one database use distinct ranges).</param>
public sealed class CustomerListBook(int first = 1)
{
    private readonly List<Dictionary<string, object?>> _rows = [];
    private IReadOnlyList<string> _headers = CustomerImportColumns.All.Select(c => c.TemplateHeader).ToList();

    public static Dictionary<string, object?> GoodRow(int i) => new()
    {
        ["客户名称"] = $"华兴机电设备{i:D5}有限公司",
        ["类型"] = "机构",
        ["电话"] = $"139{i:D8}",
        ["地址"] = "北京市海淀区中关村大街 27 号",
        ["服务区域"] = "海淀",
        ["重点客户"] = i % 2 == 0 ? "是" : "否",
        ["信用等级"] = "B",
        ["所属行业"] = "制造业",
        ["建立业务关系时间"] = new DateTime(2019, 5, 1),
        ["产品型号"] = "HX-200",
        ["序列号"] = $"HX{i:D8}",
        ["购买日期"] = "2021-06-01",
        ["保修截止"] = new DateTime(2024, 6, 1),
    };

    public CustomerListBook Headers(params string[] headers)
    {
        _headers = headers;
        return this;
    }

    public CustomerListBook Row(Action<Dictionary<string, object?>>? change = null) => Rows(1, change is null ? null : (_, r) => change(r));

    public CustomerListBook Rows(int count, Action<int, Dictionary<string, object?>>? change = null)
    {
        for (var i = 0; i < count; i++)
        {
            var row = GoodRow(first + _rows.Count);
            change?.Invoke(i, row);
            _rows.Add(row);
        }
        return this;
    }

    public MemoryStream Build()
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("客户名单");
        for (var c = 0; c < _headers.Count; c++) ws.Cell(1, c + 1).SetValue(_headers[c]);
        for (var r = 0; r < _rows.Count; r++)
        {
            for (var c = 0; c < _headers.Count; c++)
            {
                if (!_rows[r].TryGetValue(ImportColumns.NormalizeHeader(_headers[c]), out var value) || value is null) continue;
                var cell = ws.Cell(r + 2, c + 1);
                if (value is DateTime t)
                {
                    cell.Value = t;
                    cell.Style.NumberFormat.Format = "yyyy-mm-dd";
                }
                else
                {
                    cell.SetValue((string)value);
                    cell.DataType = XLDataType.Text;
                }
            }
        }
        var stream = new MemoryStream();
        wb.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }
}

public static class CustomerImportTesting
{
    public static async Task<CustomerImportReport> ImportCustomersAsync(this DomainFixture f, CustomerListBook book, string userName = "clerk", bool confirm = false)
    {
        var user = await f.UserAsync(userName);
        using var file = book.Build();
        return await f.Get<CustomerImport>().ImportAsync(file, user.Id, confirm, TestContext.Current.CancellationToken);
    }

    public static async Task<CustomerImportReport> PreviewCustomersAsync(this DomainFixture f, CustomerListBook book, string userName = "clerk")
    {
        var user = await f.UserAsync(userName);
        using var file = book.Build();
        return await f.Get<CustomerImport>().PreviewAsync(file, user.Id, false, TestContext.Current.CancellationToken);
    }
}
