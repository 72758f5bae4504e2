using System.Globalization;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Domain.Imports;

/// <summary>A data row read into an intake, with every reason it cannot be imported.</summary>
internal sealed class ImportRow(ImportSheetRow<ImportColumn> sheet)
{
    public ImportSheetRow<ImportColumn> Sheet { get; } = sheet;
    public List<string> Errors { get; } = [];
    public ComplaintInput Input { get; } = new();
    /// <summary>The number given in the file (upper case), if any.</summary>
    public string? GivenNumber { get; set; }
    /// <summary>The number the complaint gets: the given one or a generated one.</summary>
    public string? Number { get; set; }
    public int MonthKey { get; set; }
    public DateTime? ReceivedLocal { get; set; }
    public DateTime? PromisedLocal { get; set; }
    public bool? Foreign { get; set; }
    public PortalUser? Owner { get; set; }
    public bool Closed { get; set; }
    public bool? Valid { get; set; }
    public Department? Department { get; set; }
    public DateTime? FirstRepliedLocal { get; set; }
    public DateTime? ClosedLocal { get; set; }
    /// <summary>The existing customer with the row's name and phone; null for a new one.</summary>
    public Customer? Customer { get; set; }

    public string Text(ImportColumn column) => ImportWorkbookReader.Text(Sheet.Cells.GetValueOrDefault(column));

    public bool Has(ImportColumn column) => !ImportWorkbookReader.IsBlank(Sheet.Cells.GetValueOrDefault(column));

    public void Error(ImportColumn column, string message) => Errors.Add($"{ImportColumns.Info(column).Header}：{message}");
}

/// <summary>
/// Reads one data row: Chinese names to enums, categories, accounts and departments; times as
/// Beijing time; then the intake rules of <see cref="ComplaintValidator"/>, and the rules of a
/// historical case (number of its month, closure after receipt …).
/// </summary>
internal sealed class ImportContext(IReadOnlyList<ComplaintCategory> categories, IReadOnlyList<Department> departments,
    IReadOnlyList<PortalUser> users, PortalUser? importer, PortalClock clock)
{
    private static readonly DateTime Earliest = new(2000, 1, 1);

    /// <summary>Validator field → column.</summary>
    private static readonly Dictionary<string, ImportColumn> Fields = new(StringComparer.Ordinal)
    {
        ["customerName"] = ImportColumn.CustomerName,
        ["customerPhone"] = ImportColumn.CustomerPhone,
        ["customerAddress"] = ImportColumn.CustomerAddress,
        ["channel"] = ImportColumn.Channel,
        ["content"] = ImportColumn.Content,
        ["customerRequest"] = ImportColumn.CustomerRequest,
        ["category"] = ImportColumn.Category,
        ["severity"] = ImportColumn.Severity,
        ["receivedAt"] = ImportColumn.ReceivedAt,
        ["promisedReplyAt"] = ImportColumn.PromisedReplyAt,
    };

    private readonly List<string> _categoryNames = categories.Select(c => c.Name).ToList();

    public ImportRow Parse(ImportSheetRow<ImportColumn> sheet)
    {
        var r = new ImportRow(sheet);
        var own = new HashSet<ImportColumn>(); // columns whose value could not be read: the intake rules are not asked again
        void Fail(ImportColumn column, string message)
        {
            r.Error(column, message);
            own.Add(column);
        }

        var input = r.Input;
        input.CustomerName = r.Text(ImportColumn.CustomerName);
        input.CustomerPhone = ComplaintValidator.NormalizePhone(r.Text(ImportColumn.CustomerPhone));
        input.CustomerAddress = r.Text(ImportColumn.CustomerAddress);
        input.Content = r.Text(ImportColumn.Content);
        input.CustomerRequest = r.Text(ImportColumn.CustomerRequest);

        var channel = r.Text(ImportColumn.Channel);
        input.Channel = ImportColumns.Channel(channel);
        if (channel.Length > 0 && input.Channel is null)
            Fail(ImportColumn.Channel, $"“{channel}”不是投诉渠道，应为 {ImportColumns.Info(ImportColumn.Channel).Allowed}");
        else if (channel.Length == 0)
            Fail(ImportColumn.Channel, $"请填写投诉渠道（{ImportColumns.Info(ImportColumn.Channel).Allowed}）");

        var severity = r.Text(ImportColumn.Severity);
        input.Severity = ImportColumns.Severity(severity);
        if (severity.Length > 0 && input.Severity is null)
            Fail(ImportColumn.Severity, $"“{severity}”不是严重程度，应为 {ImportColumns.Info(ImportColumn.Severity).Allowed}");
        else if (severity.Length == 0)
            Fail(ImportColumn.Severity, $"请填写严重程度（{ImportColumns.Info(ImportColumn.Severity).Allowed}）");

        var category = r.Text(ImportColumn.Category);
        input.Category = category;
        if (category.Length == 0)
            Fail(ImportColumn.Category, "请填写投诉类别");
        else if (!_categoryNames.Contains(category))
            Fail(ImportColumn.Category, $"“{category}”不是系统中的投诉类别，应为 {string.Join("、", _categoryNames)}");

        if (r.Has(ImportColumn.ForeignCustomer))
        {
            r.Foreign = ImportColumns.YesNo(r.Text(ImportColumn.ForeignCustomer));
            if (r.Foreign is null) Fail(ImportColumn.ForeignCustomer, $"“{r.Text(ImportColumn.ForeignCustomer)}”无效，应为 是 或 否");
        }
        input.ForeignCustomer = r.Foreign ?? false;

        r.ReceivedLocal = Time(r, ImportColumn.ReceivedAt, required: true, own);
        r.PromisedLocal = Time(r, ImportColumn.PromisedReplyAt, required: false, own);
        if (r.ReceivedLocal is { } received)
        {
            r.MonthKey = ComplaintNumber.MonthKey(received);
            input.ReceivedAt = clock.ToOffset(clock.ToUtc(received));
            if (received < Earliest) Fail(ImportColumn.ReceivedAt, $"{ImportColumns.Format(received)} 早于 2000 年，请检查年份");
        }
        if (r.PromisedLocal is { } promised) input.PromisedReplyAt = clock.ToOffset(clock.ToUtc(promised));

        // The intake form's rules, for what could be read.
        var now = clock.Time.GetUtcNow();
        foreach (var (field, messages) in ComplaintValidator.Validate(input, _categoryNames, now))
        {
            var column = Fields[field];
            if (own.Contains(column)) continue;
            if (field == "promisedReplyAt" && r.PromisedLocal is null) continue; // the default is computed from the received time
            foreach (var message in messages) r.Error(column, message);
        }

        ReadNumber(r);
        ReadOwner(r);
        ReadOutcome(r, now.UtcDateTime);
        return r;
    }

    private DateTime? Time(ImportRow r, ImportColumn column, bool required, HashSet<ImportColumn> own)
    {
        var label = ImportColumns.Info(column).Header;
        if (!r.Has(column))
        {
            if (required)
            {
                r.Error(column, $"请填写{label}");
                own.Add(column);
            }
            return null;
        }
        var value = ImportWorkbookReader.Time(r.Sheet.Cells[column], label, out var error);
        if (error is not null)
        {
            r.Error(column, error);
            own.Add(column);
        }
        return value is { } t ? t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMinute)) : null; // to the minute, as the forms show it
    }

    private static void ReadNumber(ImportRow r)
    {
        if (!r.Has(ImportColumn.Number)) return;
        var text = r.Text(ImportColumn.Number);
        if (text.StartsWith("示例", StringComparison.Ordinal))
        {
            r.Errors.Add("这是模板中的示例行，请删除后再导入");
            return;
        }
        var number = text.ToUpperInvariant();
        if (!ComplaintNumber.IsWellFormed(number) || number.Length > 12 || Serial(number) < 1)
        {
            r.Error(ImportColumn.Number, $"“{text}”格式不正确，应为 TS + 年(2位) + 月(2位) + 序号(3–6位)，如 TS2403015；留空则自动编号");
            return;
        }
        r.GivenNumber = number;
        if (r.ReceivedLocal is { } received)
        {
            var expected = string.Create(CultureInfo.InvariantCulture, $"{ComplaintNumber.Prefix}{received.Year % 100:D2}{received.Month:D2}");
            if (!number.StartsWith(expected, StringComparison.Ordinal))
                r.Error(ImportColumn.Number, $"{number} 的年月与受理时间（{received:yyyy 年 M 月}）不一致，应以 {expected} 开头");
        }
    }

    /// <summary>The serial part of a well-formed number.</summary>
    internal static int Serial(string number) =>
        int.TryParse(number.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var serial) ? serial : 0;

    private void ReadOwner(ImportRow r)
    {
        if (!r.Has(ImportColumn.Owner))
        {
            r.Owner = importer;
            return;
        }
        var name = r.Text(ImportColumn.Owner);
        var matches = users.Where(u => string.Equals(u.UserName, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0) matches = users.Where(u => u.DisplayName == name).ToList();
        if (matches.Count == 0)
        {
            r.Error(ImportColumn.Owner, $"系统中没有用户名或姓名为“{name}”的账户");
            return;
        }
        if (matches.Count > 1)
        {
            r.Error(ImportColumn.Owner, $"有 {matches.Count} 个账户姓名为“{name}”，请改填用户名（{string.Join("、", matches.Select(u => u.UserName))}）");
            return;
        }
        var owner = matches[0];
        if (owner.IsDisabled) r.Error(ImportColumn.Owner, $"{owner.DisplayName}的账户已停用");
        else if (!Roles.CanRegisterComplaints(owner.Role)) r.Error(ImportColumn.Owner, $"{owner.DisplayName}（{Roles.ChineseName(owner.Role)}）不能作为首问责任人");
        else r.Owner = owner;
    }

    private void ReadOutcome(ImportRow r, DateTime nowUtc)
    {
        var statusText = r.Text(ImportColumn.Status);
        var closed = ImportColumns.IsClosedStatus(statusText);
        if (closed is null)
        {
            r.Error(ImportColumn.Status, $"“{statusText}”无法导入：只能导入“{ImportColumns.StatusRegistered}”或“{ImportColumns.StatusClosed}”的投诉。"
                + $"处理到一半的投诉请按“{ImportColumns.StatusRegistered}”导入，再在系统中继续办理");
            return;
        }
        r.Closed = closed.Value;
        // A closed case was judged and closed: only those who may judge and close complaints may bring one in.
        if (r.Closed && importer is not null && !Roles.CanJudgeAndClose(importer.Role))
            r.Error(ImportColumn.Status, $"已结案的投诉已经判定和结案，只有{string.Join("或", Roles.ComplaintDeciders.Select(Roles.ChineseName))}可以导入；"
                + $"您是{Roles.ChineseName(importer.Role)}，请改按“{ImportColumns.StatusRegistered}”导入或请他们导入");
        ImportColumn[] outcome = [ImportColumn.Validity, ImportColumn.ResponsibleDepartment, ImportColumn.FirstRepliedAt, ImportColumn.ClosedAt];
        if (!r.Closed)
        {
            var filled = outcome.Where(r.Has).Select(c => $"“{ImportColumns.Info(c).Header}”").ToList();
            if (filled.Count > 0)
                r.Error(ImportColumn.Status, $"状态为“{ImportColumns.StatusRegistered}”的投诉尚未判定和结案，{string.Join("", filled)}应留空（或把处理状态填为“{ImportColumns.StatusClosed}”）");
            return;
        }

        var validity = r.Text(ImportColumn.Validity);
        r.Valid = ImportColumns.Validity(validity);
        if (validity.Length == 0) r.Error(ImportColumn.Validity, $"已结案的投诉请填写是否成立（{ImportColumns.Valid} 或 {ImportColumns.NotValid}）");
        else if (r.Valid is null) r.Error(ImportColumn.Validity, $"“{validity}”无效，应为 {ImportColumns.Valid} 或 {ImportColumns.NotValid}");

        if (r.Has(ImportColumn.ResponsibleDepartment))
        {
            var name = r.Text(ImportColumn.ResponsibleDepartment);
            r.Department = departments.FirstOrDefault(d => d.Name == name);
            if (r.Department is null)
                r.Error(ImportColumn.ResponsibleDepartment, $"系统中没有部门“{name}”，应为 {string.Join("、", departments.OrderBy(d => d.SortOrder).Select(d => d.Name))}");
            else if (r.Valid == false)
                r.Error(ImportColumn.ResponsibleDepartment, "不成立的投诉没有责任部门，请留空");
        }

        var ignored = new HashSet<ImportColumn>();
        r.ClosedLocal = Time(r, ImportColumn.ClosedAt, required: true, ignored);
        r.FirstRepliedLocal = Time(r, ImportColumn.FirstRepliedAt, required: false, ignored);
        var nowLocal = clock.ToLocal(nowUtc);
        if (r.ClosedLocal is { } closedAt)
        {
            if (closedAt > nowLocal.AddMinutes(1)) r.Error(ImportColumn.ClosedAt, "结案时间不能晚于当前时间");
            if (r.ReceivedLocal is { } received && closedAt < received) r.Error(ImportColumn.ClosedAt, "结案时间不能早于受理时间");
        }
        if (r.FirstRepliedLocal is { } replied)
        {
            if (r.ReceivedLocal is { } received && replied < received) r.Error(ImportColumn.FirstRepliedAt, "首次答复时间不能早于受理时间");
            if (r.ClosedLocal is { } closedTime && replied > closedTime) r.Error(ImportColumn.FirstRepliedAt, "首次答复时间不能晚于结案时间");
        }
    }
}
