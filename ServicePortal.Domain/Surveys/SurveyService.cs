using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Surveys;

/// <summary>
/// Entry and reading of paper questionnaires (SPEC S-2). A questionnaire is saved whole or not at all:
/// every bad field is reported at once in Chinese. Entering the same form twice (same form token)
/// saves one; a second questionnaire for the same customer and template in the same month is warned
/// (<see cref="DuplicateSurveyException"/>) until the clerk confirms it.
/// </summary>
public sealed partial class SurveyService(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, IChangeFeed<SurveyEntered> feed)
{
    /// <summary>Who enters and reads questionnaires: the service desk.</summary>
    public static readonly IReadOnlyList<string> DeskRoles = [Roles.Clerk, Roles.Director, Roles.DepartmentHead];

    /// <summary>The earliest paper date accepted.</summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    /// <summary>Saves a questionnaire entered by <paramref name="userId"/>.</summary>
    /// <param name="confirmDuplicate">the clerk confirmed the duplicate warning.</param>
    /// <exception cref="InputInvalidException">bad fields; nothing saved.</exception>
    /// <exception cref="DuplicateSurveyException">same customer, template and month, not confirmed; nothing saved.</exception>
    /// <exception cref="NotPermittedException">the user is not at the service desk.</exception>
    public async Task<SurveySaved> EnterAsync(SurveyInput input, string userId, bool confirmDuplicate = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        StepRules.Check(StepRules.Role(actor, "录入满意度问卷", [.. DeskRoles]));
        var token = StepRules.Required(input.FormToken, "表单标识（formToken）", Survey.FormTokenMax, "formToken");

        await using var tx = await CaseStep.BeginIntakeAsync(db, ct);
        if (await db.Surveys.Where(s => s.FormToken == token).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct) is { } done)
            return new SurveySaved(done, true);

        var (survey, customerName, templateName) = await ValidAsync(db, input, ct);
        if (!confirmDuplicate)
        {
            var same = await db.Surveys.AsNoTracking()
                .Where(s => s.CustomerId == survey.CustomerId && s.TemplateId == survey.TemplateId && s.PaperMonth == survey.PaperMonth)
                .OrderBy(s => s.Id).Select(s => new { s.Id, s.PaperDate }).ToListAsync(ct);
            if (same.Count > 0)
            {
                throw new DuplicateSurveyException([.. same.Select(s => s.Id)],
                    $"客户“{customerName}”在 {survey.PaperDate:yyyy年M月} 已有 {same.Count} 份“{templateName}”问卷（问卷日期 "
                    + $"{string.Join("、", same.Select(s => s.PaperDate.ToString("yyyy-MM-dd")))}）。确认是另一份问卷、仍要保存吗？");
            }
        }
        survey.ClerkId = actor.Id;
        survey.ClerkName = actor.Name;
        survey.EnteredAt = clock.UtcNow;
        survey.FormToken = token;
        db.Surveys.Add(survey);
        await CaseStep.SaveAsync(db, ct);
        await tx.CommitAsync(ct);
        feed.Publish(new SurveyEntered(survey.Id, survey.EnteredAt));
        return new SurveySaved(survey.Id, false);
    }

    /// <summary>Checks every field at once; the questionnaire to save, or <see cref="InputInvalidException"/> keyed by camelCase field.</summary>
    private async Task<(Survey Survey, string CustomerName, string TemplateName)> ValidAsync(PortalDbContext db, SurveyInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(clock.LocalNow);

        Customers.Customer? customer = null;
        if (input.CustomerId is not { } customerId) errors["customerId"] = ["请选择客户（可输入姓名或电话查找）"];
        else if ((customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, ct)) is null)
            errors["customerId"] = [$"客户 {customerId} 不存在，请从客户列表中选择（可输入姓名或电话查找）"];
        else if (Customers.CustomerService.ClosedFileError(customer) is { } closed) errors["customerId"] = [closed];

        SurveyTemplateVersion? version = null;
        if (input.VersionId is not { } versionId) errors["versionId"] = ["请选择问卷模板"];
        else if ((version = await db.SurveyTemplateVersions.AsNoTracking().Include(v => v.Items).Include(v => v.Template)
                     .SingleOrDefaultAsync(v => v.Id == versionId, ct)) is null)
            errors["versionId"] = [$"问卷模板版本 {versionId} 不存在"];
        else if (version.Template.IsRetired) errors["versionId"] = [$"问卷模板“{version.Template.Name}”已停用，请选择其他模板"];

        if (input.PaperDate is not { } day) errors["paperDate"] = ["请填写问卷日期"];
        else if (day > today) errors["paperDate"] = [$"问卷日期不能晚于今天（{today:yyyy-MM-dd}）"];
        else if (day < FirstDay) errors["paperDate"] = [$"问卷日期不能早于 {FirstDay:yyyy-MM-dd}"];

        var answers = new List<SurveyAnswer>();
        if (version is not null)
        {
            var items = version.Items.ToDictionary(i => i.Id);
            var seen = new HashSet<int>();
            for (var i = 0; i < input.Scores.Count; i++)
            {
                var (itemId, score) = input.Scores[i];
                if (!items.TryGetValue(itemId, out var item)) { errors[$"scores[{i}]"] = [$"评分项 {itemId} 不属于问卷“{version.Name}”（第 {version.Number} 版）"]; continue; }
                if (!seen.Add(itemId)) { errors[$"scores[{i}]"] = [$"第 {item.Position} 项“{item.Text}”重复评分"]; continue; }
                if (score is not { } s) continue; // left blank on the paper
                if (!SurveyScale.IsValid(s))
                {
                    errors[$"scores[{i}]"] = [$"第 {item.Position} 项“{item.Text}”的评分须为 1–5（1 非常不满意 … 5 非常满意），不能是 {s}"];
                    continue;
                }
                answers.Add(new SurveyAnswer { ItemId = itemId, Score = s });
            }
            if (answers.Count == 0 && !errors.Keys.Any(k => k.StartsWith("scores", StringComparison.Ordinal)))
                errors["scores"] = ["请至少为一项评分（客户未接受过的服务可以留空）"];
        }

        if ((input.Comments?.Trim().Length ?? 0) > Survey.CommentsMax) errors["comments"] = [$"意见和建议不能超过 {Survey.CommentsMax} 个字"];
        if ((input.Project?.Trim().Length ?? 0) > Survey.ProjectMax) errors["project"] = [$"项目名称不能超过 {Survey.ProjectMax} 个字"];
        var repair = Number(input.RepairNumber);
        if (repair.Length > 0 && !await db.RepairOrders.AnyAsync(o => o.Number == repair, ct))
            errors["repairNumber"] = [$"维修单 {repair} 不存在，请核对单号（如 WX2611001）"];
        var complaint = Number(input.ComplaintNumber);
        if (complaint.Length > 0 && !await db.Complaints.AnyAsync(c => c.Number == complaint, ct))
            errors["complaintNumber"] = [$"投诉单 {complaint} 不存在，请核对单号"];

        if (errors.Count > 0) throw new InputInvalidException(errors, "问卷未保存：" + string.Join("；", errors.Values.SelectMany(m => m)));

        var paperDate = input.PaperDate!.Value;
        var survey = new Survey
        {
            CustomerId = customer!.Id,
            TemplateId = version!.TemplateId,
            VersionId = version.Id,
            PaperDate = paperDate,
            PaperMonth = Survey.MonthOf(paperDate),
            Comments = input.Comments?.Trim() ?? "",
            RepairNumber = repair,
            ComplaintNumber = complaint,
            Project = input.Project?.Trim() ?? "",
        };
        foreach (var a in answers)
        {
            a.PaperDate = paperDate;
            a.PaperMonth = survey.PaperMonth;
            a.TemplateId = survey.TemplateId;
            survey.Answers.Add(a);
        }
        return (survey, customer.Name, version.Name);
    }

    private static string Number(string? value) => (value ?? "").Trim().ToUpperInvariant();

    /// <summary>Questionnaires newest first (paper date, then entry), paged.</summary>
    public async Task<PagedResult<SurveyListItem>> ListAsync(SurveyListQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = Filter(db, query);
        var total = await q.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, SurveyListQuery.PageSizeMax);
        var page = Math.Max(0, query.Page);
        var items = await q.OrderByDescending(s => s.PaperDate).ThenByDescending(s => s.Id)
            .Skip(page * size).Take(size)
            .Select(s => new SurveyListItem(s.Id, s.PaperDate, s.CustomerId, s.Customer.Name, s.Customer.Phone, s.TemplateId, s.Version.Name,
                s.Version.Number, s.Answers.Count, s.Answers.Average(a => (double?)a.Score), s.ClerkName, s.EnteredAt,
                s.RepairNumber, s.ComplaintNumber, s.Project))
            .ToListAsync(ct);
        return new PagedResult<SurveyListItem>(items, total, page, size);
    }

    /// <summary>A questionnaire with every item of its version (blank ones too), or null.</summary>
    public async Task<SurveyDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Surveys.AsNoTracking().Include(x => x.Customer).Include(x => x.Answers)
            .Include(x => x.Version).ThenInclude(v => v.Items).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var departments = await SurveyTemplateService.DepartmentNamesAsync(db, ct);
        var scores = s.Answers.ToDictionary(a => a.ItemId, a => a.Score);
        var answers = s.Version.Items.OrderBy(i => i.Position).Select(i =>
        {
            int? score = scores.TryGetValue(i.Id, out var v) ? v : null;
            return new SurveyAnswerView(i.Id, i.Position, i.Text, i.DepartmentId is { } d ? departments.GetValueOrDefault(d, "") : "", score, SurveyScale.Label(score));
        }).ToList();
        return new SurveyDetail(s.Id, s.PaperDate, s.CustomerId, s.Customer.Name, s.Customer.Phone, s.TemplateId, s.VersionId, s.Version.Name,
            s.Version.Number, answers, s.Comments, s.RepairNumber, s.ComplaintNumber, s.Project, s.ClerkName, s.EnteredAt);
    }
}
