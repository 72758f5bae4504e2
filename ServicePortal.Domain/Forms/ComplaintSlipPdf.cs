using System.Globalization;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using static ServicePortal.Domain.Forms.SlipLayout;

namespace ServicePortal.Domain.Forms;

/// <summary>
/// The complaint slip (客户投诉处理单, SPEC X-3), section by section, drawn by <see cref="SlipLayout"/>:
/// intake, judgement, each round's investigation, resolution and reply, the time limits, signatures.
/// </summary>
internal static class ComplaintSlipPdf
{
    public const string Title = "客户投诉处理单";

    /// <summary>Bold words besides the cells' labels: the copies and round numbers.</summary>
    private static readonly string ExtraBoldText = string.Concat(SlipCopies.Labels) + "不成立说明客户意见（第 0123456789 轮）";

    public static byte[] Render(ComplaintDetail data, IReadOnlyList<string?> copies, string caseAddress, PortalClock clock) =>
        SlipLayout.Render(Form(data, clock), copies, caseAddress, clock);

    public static SlipForm Form(ComplaintDetail data, PortalClock clock) =>
        new(Title, data.Number, "扫码查看案件", SlipContent.Build(data, clock), ExtraBoldText);

    /// <summary>The sections of the slip, as rows of labelled boxes.</summary>
    private static class SlipContent
    {
        public static List<Block> Build(ComplaintDetail d, PortalClock clock)
        {
            string T(DateTime? utc) => clock.Format(utc);
            var blocks = new List<Block>
            {
                new([
                    Heading("一、投诉受理"),
                    Fields(("受理时间", T(d.ReceivedAt)), ("承诺答复时间", T(d.PromisedReplyAt)), ("投诉渠道", d.Channel.Chinese())),
                    Fields(("客户名称", d.ForeignCustomer ? $"{d.CustomerName}（境外客户）" : d.CustomerName),
                        ("联系电话", d.CustomerPhone),
                        ("首问责任人", string.IsNullOrWhiteSpace(d.Owner.Department) ? d.Owner.Name : $"{d.Owner.Name}（{d.Owner.Department}）")),
                    Wide("联系地址", d.CustomerAddress),
                    Fields(("投诉类别", d.Category), ("严重程度", d.Severity.Chinese()), ("当前状态", d.Status.Chinese())),
                    Wide("投诉内容", d.Content, 2),
                    Wide("客户要求", d.CustomerRequest),
                ]),
            };

            var judged = new List<RowSpec>
            {
                Heading("二、判定与分派"),
                Fields(("是否成立", d.IsValid switch { true => "成立", false => "不成立", null => "" }),
                    ("责任部门", d.ResponsibleDepartment ?? ""), ("责任人", d.ResponsiblePersonName ?? "")),
                Wide("判定理由", d.JudgementReason),
            };
            if (d.IsValid == false) judged.Add(Wide("不成立说明", d.NotValidExplanation, 2));
            blocks.Add(new(judged));

            var rounds = d.Rounds.Count == 0 ? [new CaseRound(1, [], [], [], [])] : d.Rounds;
            foreach (var round in rounds)
            {
                var suffix = rounds.Count > 1 ? $"（第 {round.Number} 轮）" : "";
                blocks.Add(new(Investigation(round, suffix, T)));
                blocks.Add(new(Resolution(round, suffix, T)));
                blocks.Add(new(ReplyAndFeedback(round, suffix, T)));
            }
            blocks.Add(new(Deadlines(d, T)));
            blocks.Add(new([Heading("七、签字"), Signatures("经办人", "部门经理", "总经理")]));
            return blocks;
        }

        private static List<RowSpec> Investigation(CaseRound round, string suffix, Func<DateTime?, string> t)
        {
            var rows = new List<RowSpec> { Heading($"三、调查结果{suffix}") };
            if (round.Investigations.Count == 0)
            {
                rows.Add(Wide("原因", "", 2));
                rows.Add(Fields(("原因类别", ""), ("责任方", ""), ("调查人", "")));
                rows.Add(Wide("整改措施", "", 2));
            }
            foreach (var i in round.Investigations)
            {
                rows.Add(Wide("原因", i.Cause));
                rows.Add(Fields(("原因类别", i.CauseType.Chinese()), ("责任方", i.ResponsibleParty), ("调查人", $"{i.ByName} {t(i.At)}")));
                rows.Add(Wide("整改措施", i.Measures));
            }
            return rows;
        }

        private static List<RowSpec> Resolution(CaseRound round, string suffix, Func<DateTime?, string> t)
        {
            var rows = new List<RowSpec> { Heading($"四、处理方案与审批{suffix}") };
            if (round.Proposals.Count == 0)
            {
                rows.Add(Wide("处理方案", "", 2));
                rows.Add(Fields(("金额合计", ""), ("方案状态", ""), ("审批权限", "")));
                rows.Add(Wide("审批意见", "", 1));
            }
            foreach (var p in round.Proposals)
            {
                var items = string.Join("\n", p.Items.Select((i, n) =>
                    $"{n + 1}. {i.Kind.Chinese()} ¥{Money(i.Amount)}{(string.IsNullOrWhiteSpace(i.Description) ? "" : "  " + i.Description.Trim())}"));
                rows.Add(Wide("处理方案", $"{items}\n提出：{p.ByName} {t(p.At)}"));
                rows.Add(Fields(("金额合计", $"¥{Money(p.Total)}"), ("方案状态", ProposalText(p)), ("审批权限", p.RequiredLevel.Chinese())));
                var approvals = p.Approvals.Select(a =>
                    $"{LevelName(a.Level)} {a.ByName}：{(a.Approved ? "同意" : "驳回")}{(string.IsNullOrWhiteSpace(a.Reason) ? "" : "，" + a.Reason.Trim())}  {t(a.At)}");
                rows.Add(Wide("审批意见", p.RequiredLevel == ApprovalLevel.None && p.Approvals.Count == 0
                    ? "金额在经办人权限内，无需审批" : string.Join("\n", approvals), 1));
            }
            return rows;
        }

        private static List<RowSpec> ReplyAndFeedback(CaseRound round, string suffix, Func<DateTime?, string> t)
        {
            var rows = new List<RowSpec> { Heading($"五、答复与客户反馈{suffix}") };
            if (round.Replies.Count == 0)
            {
                rows.Add(Fields(("答复方式", ""), ("答复时间", ""), ("答复人", "")));
                rows.Add(Wide("答复内容", "", 2));
            }
            foreach (var r in round.Replies)
            {
                rows.Add(Fields(("答复方式", r.Method.Chinese()), ("答复时间", t(r.RepliedAt)), ("答复人", r.ByName)));
                rows.Add(Wide("答复内容", r.Content));
            }
            if (round.Feedbacks.Count == 0)
            {
                rows.Add(Fields(("客户反馈", ""), ("记录时间", ""), ("记录人", "")));
                rows.Add(Wide("客户意见", "", 1));
            }
            foreach (var f in round.Feedbacks)
            {
                rows.Add(Fields(("客户反馈", f.Satisfied ? "满意" : "不满意"), ("记录时间", t(f.At)), ("记录人", f.ByName)));
                if (f.Note.Length > 0) rows.Add(Wide("客户意见", f.Note));
            }
            return rows;
        }

        private static List<RowSpec> Deadlines(ComplaintDetail d, Func<DateTime?, string> t)
        {
            float[] widths = [LabelWidth + 70, 120, 120];
            var rows = new List<RowSpec>
            {
                Heading("六、处理期限"),
                Table(widths, CellStyle.Label, "期限", "到期时间", "完成时间", "情况") with { KeepWithNext = true },
            };
            foreach (var x in d.Limits)
            {
                var span = x.Days is { } days && x.Unit is { } unit
                    ? $"（{days} 个{(unit == DeadlineUnit.WorkingDays ? "工作日" : "日历日")}）" : "";
                rows.Add(Table(widths, CellStyle.Value, x.Kind.Chinese() + span, t(x.Due), t(x.DoneAt), Standing(x.Standing)));
            }
            return rows;
        }

        private static string Standing(DeadlineStanding s) => s switch
        {
            DeadlineStanding.Met => "按时完成",
            DeadlineStanding.MetLate => "逾期完成",
            DeadlineStanding.Overdue => "已逾期",
            DeadlineStanding.DueSoon => "即将到期",
            DeadlineStanding.OnTrack => "进行中",
            _ => "不适用",
        };

        private static string ProposalText(CaseProposalView p) => p.Status switch
        {
            ProposalStatus.Approved => "已批准",
            ProposalStatus.Rejected => "已驳回",
            _ => p.AwaitedLevel is { } level ? $"待{LevelName(level)}审批" : "待审批",
        };

        private static string LevelName(ApprovalLevel level) => level == ApprovalLevel.Executive ? "总经理" : "部门经理";
    }
}
