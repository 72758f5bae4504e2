using System.Globalization;
using MiniExcelLibs;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Imports;

/// <summary>The file cannot be imported at all (not an .xlsx, empty, headers missing, too many rows); nothing was read.</summary>
public sealed class ImportFileException(string message) : DomainException(message);

/// <summary>A data row of the sheet: its Excel row number and its cells by column (values as MiniExcel read them).</summary>
public sealed record ImportSheetRow<TColumn>(int Row, IReadOnlyDictionary<TColumn, object?> Cells) where TColumn : struct, Enum;

/// <summary>The limits every import shares: one transaction of a few seconds, one upload.</summary>
public static class ImportLimits
{
    /// <summary>Data rows per file: a year of a busy department; one transaction of a few seconds.</summary>
    public const int MaxRows = 10_000;
    public const long MaxFileBytes = 20L * 1024 * 1024;
    /// <summary>Rows of the file shown as they will be saved.</summary>
    public const int PreviewRows = 50;
}

/// <summary>
/// What the reader must know of one kind of import: the sheet it prefers, its columns (header, required),
/// how a header cell names a column (aliases included), and the words its messages use for a row
/// (<paramref name="RowNoun"/>: 投诉 → “没有投诉数据”; <paramref name="RowUnit"/>: 一件投诉 → “每行一件投诉”).
/// </summary>
public sealed record ImportSheetSchema<TColumn>(
    string SheetName,
    string RowNoun,
    string RowUnit,
    string HeaderExample,
    IReadOnlyList<(TColumn Column, string Header, bool Required)> Columns,
    Func<string, TColumn?> Find) where TColumn : struct, Enum;

/// <summary>
/// Reads the register sheet of an uploaded workbook with MiniExcel (streaming, no formulas
/// evaluated): the first non-empty row is the header row, every later non-empty row is a data row.
/// Columns are found by their header text, in any order; unknown columns are ignored. Shared by every
/// import (complaint register, customer list): each describes its sheet with an <see cref="ImportSheetSchema{TColumn}"/>.
/// </summary>
internal static class ImportWorkbookReader
{
    /// <summary>Copies the upload (refusing one too large, empty, or not an .xlsx) and reads its rows.</summary>
    /// <exception cref="ImportFileException">the file cannot be read as the schema's sheet at all.</exception>
    public static async Task<List<ImportSheetRow<TColumn>>> ReadAsync<TColumn>(Stream file, ImportSheetSchema<TColumn> schema, CancellationToken ct)
        where TColumn : struct, Enum
    {
        var (copy, sheet) = await OpenAsync(file, schema.SheetName, ct);
        await using (copy)
            return Read(copy, sheet, schema);
    }

    public static async Task<(MemoryStream Copy, string Sheet)> OpenAsync(Stream file, string preferredSheet, CancellationToken ct)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > ImportLimits.MaxFileBytes)
                throw new ImportFileException($"文件太大：最大 {ImportLimits.MaxFileBytes / 1024 / 1024} MB。请分成几个文件导入（每个最多 {ImportLimits.MaxRows:N0} 行）。");
            copy.Write(buffer, 0, read);
        }
        if (copy.Length == 0) throw new ImportFileException("文件是空的，请选择填写好的导入模板（.xlsx）。");

        var head = copy.GetBuffer().AsSpan(0, (int)Math.Min(8, copy.Length));
        if (head.StartsWith((byte[])[0xD0, 0xCF, 0x11, 0xE0]))
            throw new ImportFileException("这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中“另存为” .xlsx 格式后再导入。");
        if (!head.StartsWith("PK\u0003\u0004"u8))
            throw new ImportFileException("文件不是 Excel 工作簿（.xlsx）。请下载导入模板，填写后保存为 .xlsx 再导入（CSV、WPS 的 .et 等格式请先另存为 .xlsx）。");

        copy.Position = 0;
        List<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(copy);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or NullReferenceException or System.Xml.XmlException or KeyNotFoundException)
        {
            throw Damaged();
        }
        if (sheets.Count == 0) throw Damaged();
        copy.Position = 0;
        return (copy, sheets.Contains(preferredSheet) ? preferredSheet : sheets[0]);
    }

    private static ImportFileException Damaged() =>
        new("无法读取文件：它不是有效的 .xlsx 工作簿，或已损坏。请在 Excel 中打开并重新保存为 .xlsx 后再导入。");

    /// <summary>The data rows of the sheet, after the checks of the file as a whole.</summary>
    public static List<ImportSheetRow<TColumn>> Read<TColumn>(MemoryStream workbook, string sheet, ImportSheetSchema<TColumn> schema)
        where TColumn : struct, Enum
    {
        Dictionary<string, TColumn>? columns = null;
        var rows = new List<ImportSheetRow<TColumn>>();
        var dataRows = 0;
        var excelRow = 0;
        var leadingRows = 0;
        try
        {
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(workbook, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
            {
                excelRow++;
                if (cells.Values.All(IsBlank)) continue;
                if (columns is null)
                {
                    // Title rows above the header (as in exported registers) are skipped.
                    columns = Headers(cells, schema, final: ++leadingRows == HeaderSearchRows);
                    continue;
                }
                dataRows++;
                if (dataRows > ImportLimits.MaxRows) continue; // counted for the message, not kept
                rows.Add(new ImportSheetRow<TColumn>(excelRow, columns.ToDictionary(c => c.Value, c => cells.TryGetValue(c.Key, out var v) ? v : null)));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or NullReferenceException
            or System.Xml.XmlException or FormatException or KeyNotFoundException or IndexOutOfRangeException or ArgumentException)
        {
            throw Damaged();
        }

        if (columns is null && leadingRows > 0)
            throw NoHeader(schema);
        if (columns is null)
            throw new ImportFileException($"工作表“{sheet}”是空的：第一行应为表头，从第二行起每行{schema.RowUnit}。请下载导入模板填写。");
        if (dataRows == 0)
            throw new ImportFileException($"工作表“{sheet}”只有表头，没有{schema.RowNoun}数据：请从表头下一行起每行填写{schema.RowUnit}。");
        if (dataRows > ImportLimits.MaxRows)
            throw new ImportFileException($"一次最多导入 {ImportLimits.MaxRows:N0} 行，本文件有 {dataRows:N0} 行数据。请分成几个文件分批导入（每批要么全部导入，要么都不导入）。");
        return rows;
    }

    private static ImportFileException NoHeader<TColumn>(ImportSheetSchema<TColumn> schema) where TColumn : struct, Enum =>
        new($"找不到表头：第一行应为导入模板的列名（{schema.HeaderExample} 等）。请下载导入模板，在模板中填写后再导入。");

    /// <summary>Non-empty rows searched for the header row.</summary>
    private const int HeaderSearchRows = 5;

    /// <summary>
    /// Column letter → column, from the header row; refuses missing required or repeated columns.
    /// Null when the row names fewer than two columns and is not the <paramref name="final"/> row searched.
    /// </summary>
    private static Dictionary<string, TColumn>? Headers<TColumn>(IDictionary<string, object?> cells, ImportSheetSchema<TColumn> schema, bool final)
        where TColumn : struct, Enum
    {
        var columns = new Dictionary<string, TColumn>();
        var repeated = new List<string>();
        foreach (var (letter, value) in cells)
        {
            if (IsBlank(value) || schema.Find(Text(value)) is not { } column) continue;
            if (columns.ContainsValue(column)) repeated.Add(schema.Columns.First(c => c.Column.Equals(column)).Header);
            else columns[letter] = column;
        }
        if (columns.Count < 2 && !final) return null;
        var missing = schema.Columns.Where(c => c.Required && !columns.ContainsValue(c.Column)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            throw columns.Count == 0
                ? NoHeader(schema)
                : new ImportFileException($"表头缺少必填列：{string.Join("、", missing)}。请使用导入模板，第一行为表头，列名不要修改。");
        }
        if (repeated.Count > 0)
            throw new ImportFileException($"表头中有重复的列：{string.Join("、", repeated.Distinct())}。每列只能出现一次。");
        return columns;
    }

    internal static bool IsBlank(object? value) => value is null or DBNull || (value is string s && string.IsNullOrWhiteSpace(s));

    /// <summary>A cell as text: numbers without ".0" or exponent (a phone typed as a number stays its digits).</summary>
    internal static string Text(object? value) => value switch
    {
        null or DBNull => "",
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("0.############", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        bool b => b ? "是" : "否",
        DateTime t => ImportColumns.Format(t),
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim(),
    };

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd HH:mm", "yyyy-M-d H:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-M-d H:mm:ss",
        "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy.M.d H:mm",
    ];

    /// <summary>
    /// A time cell as Beijing local time: an Excel date (or its serial number when the format was
    /// lost), or text like 2024-03-05 09:30. Null with a message when it is neither.
    /// </summary>
    internal static DateTime? Time(object? value, string label, out string? error)
    {
        error = null;
        switch (value)
        {
            case DateTime t:
                return DateTime.SpecifyKind(t, DateTimeKind.Unspecified);
            case double d when d is >= 1 and < 2958466:
                return DateTime.SpecifyKind(DateTime.FromOADate(d), DateTimeKind.Unspecified);
        }
        var text = Text(value).Replace('：', ':');
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return parsed;
        error = DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _)
            ? $"{label}“{text}”缺少时刻：请写成 yyyy-MM-dd HH:mm，如 2024-03-05 09:30"
            : $"{label}“{text}”不是有效的时间：请使用 Excel 日期时间，或写成 yyyy-MM-dd HH:mm，如 2024-03-05 09:30";
        return null;
    }
}
