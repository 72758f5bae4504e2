using System.ComponentModel;

namespace ServicePortal.Domain.Surveys;

[Description("问卷列表的一行")]
public sealed record SurveyListItem(
    int Id,
    [property: Description("问卷上的日期")] DateOnly PaperDate,
    int CustomerId,
    string CustomerName,
    string CustomerPhone,
    int TemplateId,
    string TemplateName,
    [property: Description("模板版本号")] int Version,
    [property: Description("已评分的项数")] int Scored,
    [property: Description("平均分（无评分为空）")] double? Mean,
    [property: Description("录入人")] string ClerkName,
    DateTime EnteredAt,
    string RepairNumber,
    string ComplaintNumber,
    string Project);

[Description("问卷的一项评分")]
public sealed record SurveyAnswerView(
    int ItemId,
    int Position,
    string Text,
    string DepartmentName,
    [property: Description("1–5，未填为空")] int? Score,
    [property: Description("评分的文字，如 满意")] string Label);

[Description("一份问卷")]
public sealed record SurveyDetail(
    int Id,
    DateOnly PaperDate,
    int CustomerId,
    string CustomerName,
    string CustomerPhone,
    int TemplateId,
    int VersionId,
    string TemplateName,
    int Version,
    IReadOnlyList<SurveyAnswerView> Answers,
    string Comments,
    string RepairNumber,
    string ComplaintNumber,
    string Project,
    string ClerkName,
    DateTime EnteredAt);

/// <summary>
/// The list's and the questionnaire-results register's question: paper date range, customer (name fragment or phone), template,
/// a department (questionnaires scoring an item that rates it) and an item (by its label, across versions); newest first, paged (pages from 0, as the registers).
/// </summary>
public sealed record SurveyListQuery(DateOnly? From = null, DateOnly? To = null, string? Customer = null, int? TemplateId = null,
    int Page = 0, int PageSize = 20, int? DepartmentId = null, string? Item = null)
{
    public const int PageSizeMax = 200;
}
