using ClosedXML.Excel;
using ServicePortal.Domain.Imports;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Builds register workbooks for import tests: the template's headers and rows that pass every
/// rule (received 2026-10-15 09:30 Beijing time, 王建国 13812345678, 电话, 服务态度, 一般); tests
/// change only the cells they are about. Row 1 is the header, so the n-th row added is Excel row n + 1.
/// </summary>
public sealed class ImportWorkbookBuilder
{
    private readonly List<Dictionary<string, object?>> _rows = [];
    private IReadOnlyList<string> _headers = ImportColumns.All.Select(c => c.TemplateHeader).ToList();

    public static Dictionary<string, object?> GoodRow(string? number = null) => new()
    {
        ["投诉编号"] = number,
        ["受理时间"] = new DateTime(2026, 10, 15, 9, 30, 0),
        ["客户姓名"] = "王建国",
        ["联系电话"] = "13812345678",
        ["地址"] = "北京市朝阳区建国路 88 号",
        ["投诉渠道"] = "电话",
        ["投诉类别"] = "服务态度",
        ["严重程度"] = "一般",
        ["投诉内容"] = "维修人员上门时态度生硬，没有说明收费标准就收取了上门费。",
        ["客户要求"] = "退还上门费并书面道歉",
    };

    public ImportWorkbookBuilder Headers(params string[] headers)
    {
        _headers = headers;
        return this;
    }

    public ImportWorkbookBuilder Row(Action<Dictionary<string, object?>>? change = null, string? number = null)
    {
        var row = GoodRow(number);
        change?.Invoke(row);
        _rows.Add(row);
        return this;
    }

    public ImportWorkbookBuilder Rows(int count, Action<int, Dictionary<string, object?>>? change = null)
    {
        for (var i = 0; i < count; i++)
        {
            var row = GoodRow();
            change?.Invoke(i, row);
            _rows.Add(row);
        }
        return this;
    }

    public MemoryStream Build()
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("投诉台账");
        for (var c = 0; c < _headers.Count; c++) ws.Cell(1, c + 1).SetValue(_headers[c]);
        for (var r = 0; r < _rows.Count; r++)
        {
            for (var c = 0; c < _headers.Count; c++)
            {
                var key = ImportColumns.NormalizeHeader(_headers[c]);
                if (!_rows[r].TryGetValue(key, out var value) || value is null) continue;
                var cell = ws.Cell(r + 2, c + 1);
                switch (value)
                {
                    case DateTime t:
                        cell.Value = t;
                        cell.Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
                        break;
                    case string s:
                        cell.SetValue(s);
                        cell.DataType = XLDataType.Text;
                        break;
                    default:
                        cell.Value = value;
                        break;
                }
            }
        }
        var stream = new MemoryStream();
        wb.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }
}

public static class ImportTesting
{
    public static async Task<ImportReport> ImportAsync(this DomainFixture f, ImportWorkbookBuilder book, string userName = "clerk")
    {
        var user = await f.UserAsync(userName);
        using var file = book.Build();
        return await f.Get<ImportService>().ImportAsync(file, user.Id, TestContext.Current.CancellationToken);
    }

    public static async Task<ImportReport> PreviewAsync(this DomainFixture f, ImportWorkbookBuilder book)
    {
        using var file = book.Build();
        return await f.Get<ImportService>().PreviewAsync(file, null, TestContext.Current.CancellationToken);
    }
}
