using System.IO.Compression;
using ClosedXML.Excel;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Exports;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Writes exports to memory and reads them back (ClosedXML, and the raw sheet XML).</summary>
public static class ExportTesting
{
    public static async Task<byte[]> ExportAsync(this DomainFixture f, ComplaintQuery query)
    {
        using var stream = new MemoryStream();
        await f.Get<ComplaintRegisterExport>().WriteAsync(query, stream, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    public static XLWorkbook Open(byte[] workbook) => new(new MemoryStream(workbook));

    /// <summary>The XML of every worksheet part, to check what no reader would show (formula elements).</summary>
    public static IReadOnlyList<string> SheetXml(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => { using var r = new StreamReader(e.Open()); return r.ReadToEnd(); })
            .ToList();
    }

    /// <summary>The data rows (below title and header) as text, first column = number.</summary>
    public static IReadOnlyList<IXLRow> DataRows(IXLWorksheet sheet) =>
        sheet.RowsUsed().Where(r => r.RowNumber() > 2).ToList();
}
