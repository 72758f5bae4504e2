using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Buffers;

namespace ServicePortal.Domain.Exports;

/// <summary>What a column holds: the cell type and number format its values get.</summary>
public enum XlsxKind { Text, DateTime, WholeNumber, Amount, Day }

/// <summary>A column of a streamed sheet: header and width in Excel character units.</summary>
public sealed record XlsxColumn(string Header, XlsxKind Kind, double Width);

/// <summary>
/// Writes a one-sheet .xlsx (SpreadsheetML) row by row straight into a zip stream, so memory stays
/// flat whatever the number of rows: a title row, a styled header row frozen under it, typed cells
/// (dates as Excel dates with a date-time format, numbers as numbers, text always as an inline string
/// — never a formula, SPEC X-5) and an auto-filter over the header and data. Call
/// <see cref="BeginRow"/>, one value per column (Text, Date, WholeNumber, Amount), then <see cref="Complete"/> once.
/// </summary>
public sealed class XlsxStreamWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";

    // Cell formats of styles.xml (cellXfs order).
    private static ReadOnlySpan<byte> TitleStyle => "1"u8;
    private static ReadOnlySpan<byte> HeaderStyle => "2"u8;
    private static ReadOnlySpan<byte> DateTimeStyle => "3"u8;
    private static ReadOnlySpan<byte> IntegerStyle => "4"u8;
    private static ReadOnlySpan<byte> DayStyle => "7"u8;
    private static ReadOnlySpan<byte> DecimalStyle => "5"u8;
    private static ReadOnlySpan<byte> TextStyle => "6"u8;

    private readonly ZipArchive _zip;
    private readonly Stream _sheetStream;
    private readonly string _sheetName;
    private readonly IReadOnlyList<XlsxColumn> _columns;
    private readonly byte[][] _letters;
    private readonly int _headerRow;
    // The sheet XML is written by hand into this buffer (about ten times fewer steps per cell than
    // XmlWriter); text is escaped in Append.
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _length;
    private int _row;
    private int _column;
    private byte[] _rowText = [];
    private bool _completed;

    /// <param name="output">receives the workbook; written synchronously (use a file or memory stream for HTTP).</param>
    /// <param name="title">text of a row above the header (merged over the columns), or null for none.</param>
    public XlsxStreamWriter(Stream output, string sheetName, IReadOnlyList<XlsxColumn> columns, string? title)
    {
        ArgumentOutOfRangeException.ThrowIfZero(columns.Count);
        _sheetName = sheetName;
        _columns = columns;
        _letters = [.. Enumerable.Range(0, columns.Count).Select(i => Encoding.ASCII.GetBytes(ColumnLetters(i)))];
        _headerRow = title is null ? 1 : 2;
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        _sheetStream = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        StartSheet(title);
    }

    /// <summary>Data rows written so far.</summary>
    public int RowCount => _row - _headerRow;

    public void BeginRow()
    {
        if (_row > _headerRow) Raw("</row>"u8);
        _row++;
        _column = 0;
        _rowText = Encoding.ASCII.GetBytes(_row.ToString(CultureInfo.InvariantCulture));
        Raw("<row r=\""u8);
        Raw(_rowText);
        Raw("\">"u8);
    }

    /// <summary>A text cell (inline string; null or empty leaves the cell blank).</summary>
    public void Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) { _column++; return; }
        InlineString(TextStyle, value);
    }

    /// <summary>A date-time cell: an Excel date (local time as given) shown as yyyy-mm-dd hh:mm.</summary>
    public void Date(DateTime? local)
    {
        if (local is null) { _column++; return; }
        StartCell(DateTimeStyle);
        Raw("><v>"u8);
        Number(local.Value.ToOADate());
        Raw("</v></c>"u8);
    }

    /// <summary>A calendar-day cell: an Excel date shown as yyyy-mm-dd (a questionnaire's paper date).</summary>
    public void Day(DateOnly? day)
    {
        if (day is null) { _column++; return; }
        StartCell(DayStyle);
        Raw("><v>"u8);
        Number(day.Value.ToDateTime(TimeOnly.MinValue).ToOADate());
        Raw("</v></c>"u8);
    }

    public void WholeNumber(long? value)
    {
        if (value is null) { _column++; return; }
        StartCell(IntegerStyle);
        Raw("><v>"u8);
        Number(value.Value);
        Raw("</v></c>"u8);
    }

    public void Amount(decimal? value)
    {
        if (value is null) { _column++; return; }
        StartCell(DecimalStyle);
        Raw("><v>"u8);
        Number(value.Value);
        Raw("</v></c>"u8);
    }

    /// <summary>Ends the sheet (auto-filter over header and rows) and writes the workbook's other parts.</summary>
    public void Complete()
    {
        if (_completed) return;
        _completed = true;
        if (_row > _headerRow) Raw("</row>"u8);
        Raw("</sheetData>"u8);
        var last = Encoding.ASCII.GetString(_letters[^1]);
        var lastRow = Math.Max(_row, _headerRow);
        Append($"<autoFilter ref=\"A{_headerRow}:{last}{lastRow}\"/>", escape: false);
        if (_headerRow == 2) Append($"<mergeCells count=\"1\"><mergeCell ref=\"A1:{last}1\"/></mergeCells>", escape: false);
        Raw("""<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>"""u8);
        FlushBuffer();
        _sheetStream.Dispose();

        var sheet = $"'{_sheetName.Replace("'", "''", StringComparison.Ordinal)}'";
        Part("xl/workbook.xml", $"""
            <workbook xmlns="{Main}" xmlns:r="{RelNs}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="{Escape(_sheetName)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{Escape($"{sheet}!$A${_headerRow}:${last}${lastRow}")}</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">{Escape($"{sheet}!${_headerRow}:${_headerRow}")}</definedName></definedNames></workbook>
            """);
        Part("xl/_rels/workbook.xml.rels", $"""
            <Relationships xmlns="{PackageRels}"><Relationship Id="rId1" Type="{RelNs}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RelNs}/styles" Target="styles.xml"/></Relationships>
            """);
        Part("xl/styles.xml", Styles);
        Part("_rels/.rels", $"""
            <Relationships xmlns="{PackageRels}"><Relationship Id="rId1" Type="{RelNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part("[Content_Types].xml", """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        _zip.Dispose();
    }

    public void Dispose()
    {
        if (_completed) return;
        _completed = true;
        _sheetStream.Dispose();
        _zip.Dispose();
    }

    private void StartSheet(string? title)
    {
        Raw("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""u8);
        Append($"<worksheet xmlns=\"{Main}\" xmlns:r=\"{RelNs}\">", escape: false);
        var firstData = $"A{_headerRow + 1}";
        Append($"<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"><pane ySplit=\"{_headerRow}\" topLeftCell=\"{firstData}\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + $"<selection pane=\"bottomLeft\" activeCell=\"{firstData}\" sqref=\"{firstData}\"/></sheetView></sheetViews>", escape: false);
        Raw("""<sheetFormatPr defaultRowHeight="16.5"/><cols>"""u8);
        for (var i = 0; i < _columns.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            var width = Math.Round(_columns[i].Width, 2).ToString(CultureInfo.InvariantCulture);
            Append($"<col min=\"{n}\" max=\"{n}\" width=\"{width}\" customWidth=\"1\"/>", escape: false);
        }
        Raw("</cols><sheetData>"u8);
        if (title is not null)
        {
            _row = 1;
            _rowText = "1"u8.ToArray();
            _column = 0;
            Raw("""<row r="1" ht="24" customHeight="1">"""u8);
            InlineString(TitleStyle, title);
            Raw("</row>"u8);
        }
        _row = _headerRow;
        _rowText = Encoding.ASCII.GetBytes(_row.ToString(CultureInfo.InvariantCulture));
        _column = 0;
        Raw("<row r=\""u8);
        Raw(_rowText);
        Raw("\" ht=\"20\" customHeight=\"1\">"u8);
        foreach (var column in _columns) InlineString(HeaderStyle, column.Header);
        Raw("</row>"u8);
    }

    private void InlineString(ReadOnlySpan<byte> style, string value)
    {
        StartCell(style);
        var text = CellText.Clean(value);
        if (text.Length == 0) { Raw("/>"u8); return; }
        Raw(char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])
            ? """ t="inlineStr"><is><t xml:space="preserve">"""u8
            : """ t="inlineStr"><is><t>"""u8);
        Append(text, escape: true);
        Raw("</t></is></c>"u8);
    }

    /// <summary>Writes <c>&lt;c r="B12" s="3"</c> (the caller closes the tag).</summary>
    private void StartCell(ReadOnlySpan<byte> style)
    {
        Raw("<c r=\""u8);
        Raw(_letters[_column++]);
        Raw(_rowText);
        Raw("\" s=\""u8);
        Raw(style);
        Raw("\""u8);
    }

    private void Number<T>(T value) where T : IUtf8SpanFormattable
    {
        Ensure(64);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _length)
        {
            FlushBuffer();
            if (bytes.Length > _buffer.Length) { _sheetStream.Write(bytes); return; }
        }
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Appends text as UTF-8, escaping &amp;, &lt; and &gt; when <paramref name="escape"/> (element text).</summary>
    private void Append(string text, bool escape)
    {
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            var special = escape ? span.IndexOfAny(Escaped) : -1;
            var plain = special < 0 ? span : span[..special];
            // Chunks small enough that their UTF-8 (at most 3 bytes a UTF-16 unit) fits the buffer.
            while (!plain.IsEmpty)
            {
                var chunk = plain[..Math.Min(plain.Length, 8192)];
                if (char.IsHighSurrogate(chunk[^1]) && chunk.Length < plain.Length) chunk = chunk[..^1];
                Ensure(chunk.Length * 3);
                _length += Encoding.UTF8.GetBytes(chunk, _buffer.AsSpan(_length));
                plain = plain[chunk.Length..];
            }
            if (special < 0) break;
            Raw(span[special] switch { '&' => "&amp;"u8, '<' => "&lt;"u8, _ => "&gt;"u8 });
            span = span[(special + 1)..];
        }
    }

    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>");

    private void Ensure(int bytes)
    {
        if (_buffer.Length - _length < bytes) FlushBuffer();
    }

    private void FlushBuffer()
    {
        _sheetStream.Write(_buffer, 0, _length);
        _length = 0;
    }

    private void Part(string name, string xml)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml.Trim());
        stream.Write(bytes);
    }

    private static string Escape(string text) => CellText.Clean(text)
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>A, B, … Z, AA, AB …</summary>
    internal static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    private const string Font = """<name val="等线"/><family val="2"/><charset val="134"/>""";

    private static readonly string Styles = $"""
        <styleSheet xmlns="{Main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd\ hh:mm"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="3"><font><sz val="11"/>{Font}</font><font><b/><sz val="11"/><color rgb="FFFFFFFF"/>{Font}</font><font><b/><sz val="13"/><color rgb="FF1F3864"/>{Font}</font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF2F5597"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyAlignment="1"><alignment vertical="center"/></xf><xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """;
}
