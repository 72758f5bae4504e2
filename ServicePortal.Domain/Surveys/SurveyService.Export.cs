using System.ComponentModel;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Surveys;

/// <summary>A score of a questionnaire: the item (of its version) and 1–5.</summary>
public sealed record SurveyScore(int ItemId, int Score);

/// <summary>A row of the questionnaire-results register: the questionnaire, its scores by item and the comments.</summary>
[Description("问卷结果台账的一行")]
public sealed record SurveyExportRow(int Id, DateOnly PaperDate, string CustomerName, string CustomerPhone, string TemplateName, int Version,
    IReadOnlyList<SurveyScore> Scores, string Comments, string RepairNumber, string ComplaintNumber, string Project, string ClerkName, DateTime EnteredAt);

/// <summary>An item label of the register's columns and the items (of every version) that carry it.</summary>
public sealed record SurveyItemColumn(string Label, IReadOnlySet<int> ItemIds);

public sealed partial class SurveyService
{
    /// <summary>The questionnaires of the list's filters (paging and sort aside).</summary>
    private static IQueryable<Survey> Filter(PortalDbContext db, SurveyListQuery query)
    {
        var q = db.Surveys.AsNoTracking();
        if (query.From is { } from) q = q.Where(s => s.PaperDate >= from);
        if (query.To is { } to) q = q.Where(s => s.PaperDate <= to);
        if (query.TemplateId is { } template) q = q.Where(s => s.TemplateId == template);
        if (query.Customer?.Trim() is { Length: > 0 } term) q = q.Where(s => s.Customer.Name.Contains(term) || s.Customer.Phone.StartsWith(term));
        var items = db.Set<SurveyItem>();
        if (query.DepartmentId is { } department)
            q = q.Where(s => s.Answers.Any(a => items.Any(i => i.Id == a.ItemId && i.DepartmentId == department)));
        if (query.Item?.Trim() is { Length: > 0 } label)
            q = q.Where(s => s.Answers.Any(a => items.Any(i => i.Id == a.ItemId && i.Text == label)));
        return q;
    }

    /// <summary>
    /// The register's item columns: one per item label across every version of the template filtered on
    /// (of every template without one), in the order a label first appears: the oldest version's items in paper order, then labels a later version added.
    /// A score is shown under its item's label, so an item renamed in a later version gets its own column.
    /// </summary>
    public async Task<IReadOnlyList<SurveyItemColumn>> ItemColumnsAsync(int? templateId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.Set<SurveyItem>().AsNoTracking()
            .Join(db.SurveyTemplateVersions, i => i.VersionId, v => v.Id, (i, v) => new { i.Id, i.Text, i.Position, v.TemplateId, VersionId = v.Id })
            .Where(x => templateId == null || x.TemplateId == templateId)
            .ToListAsync(ct);
        return [.. items.GroupBy(i => i.Text)
            .Select(g => (Label: g.Key, Items: g, First: g.OrderBy(i => i.TemplateId).ThenBy(i => i.VersionId).ThenBy(i => i.Position).First()))
            .OrderBy(g => g.First.TemplateId).ThenBy(g => g.First.VersionId).ThenBy(g => g.First.Position)
            .Select(g => new SurveyItemColumn(g.Label, g.Items.Select(i => i.Id).ToHashSet()))];
    }

    /// <summary>Every questionnaire of <paramref name="query"/> (paging ignored) with its scores, newest first, streamed one at a time.</summary>
    public async IAsyncEnumerable<SurveyExportRow> ExportRowsAsync(SurveyListQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Filter(db, query).OrderByDescending(s => s.PaperDate).ThenByDescending(s => s.Id)
            .Select(s => new SurveyExportRow(s.Id, s.PaperDate, s.Customer.Name, s.Customer.Phone, s.Version.Name, s.Version.Number,
                s.Answers.Select(a => new SurveyScore(a.ItemId, a.Score)).ToList(), s.Comments, s.RepairNumber, s.ComplaintNumber, s.Project,
                s.ClerkName, s.EnteredAt))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct)) yield return row;
    }
}
