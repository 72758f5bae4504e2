using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Forms;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace ServicePortal.Tests.Domain;

/// <summary>Slip data without a database, and the text of a PDF read back with PdfPig.</summary>
internal static class SlipTesting
{
    public const string Address = "http://portal.example.com/complaints/TS2611001";

    public static readonly PortalClock Clock =
        new(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8))));

    /// <summary>Renders without a database: only <see cref="SlipService.Render"/> is used.</summary>
    public static byte[] Render(ComplaintDetail data, int copies = 1) => new SlipService(null!, null!, Clock).Render(data, copies, Address);

    /// <summary>A closed case with one round of every step (received 2026-11-19 09:30 Beijing time).</summary>
    public static ComplaintDetail Sample(string content = "维修人员上门时态度生硬，没有说明收费标准就收取了上门费。")
    {
        var at = new DateTime(2026, 11, 19, 1, 30, 0, DateTimeKind.Utc);
        return new ComplaintDetail("TS2611001", ComplaintStatus.Closed, 1, "王建国", "13812345678", "北京市朝阳区建国路 88 号", false,
            ComplaintChannel.Phone, content, "退还上门费并书面道歉", "服务态度", ComplaintSeverity.Normal, at, at.AddDays(1),
            new PersonRef("u-1", "张晓梅", "客服部"), "维修部", at, at.AddDays(4), [])
        {
            Overdue = new ComplaintOverdueFlags(false, false, false, true),
            IsValid = true,
            JudgementReason = "维修人员确实没有说明收费标准",
            ResponsiblePersonName = "刘师傅",
            Rounds = [new CaseRound(1,
                [new CaseInvestigationView("上门前没有说明收费标准", CauseType.Human, "维修部刘师傅", "上门前先告知收费标准", "刘师傅", at.AddDays(1))],
                [new CaseProposalView([new ResolutionItemInput(ResolutionKind.Refund, 300m, "退还上门费")], 300m, ApprovalLevel.None,
                    ProposalStatus.Approved, null, [], "刘师傅", at.AddDays(1))],
                [new CaseReplyView(ReplyMethod.Phone, at.AddDays(2), "已电话告知退还上门费 300 元", "张晓梅")],
                [new CaseFeedbackView(true, "客户表示满意", "张晓梅", at.AddDays(3))])],
            Limits = [new CaseDeadline(DeadlineKind.PromisedReply, at.AddDays(1), null, null, at.AddDays(2), DeadlineStanding.MetLate, null),
                new CaseDeadline(DeadlineKind.Close, at.AddDays(30), DeadlineUnit.CalendarDays, 30, at.AddDays(4), DeadlineStanding.Met, null)],
        };
    }

    /// <summary>
    /// What every printed slip's file is, complaint or repair: at most 150 KB, with the two Noto Sans SC
    /// fonts embedded as subsets, each font program once however many pages or copies it prints.
    /// </summary>
    public static void ShouldBeSmallWithSubsetFonts(byte[] pdf)
    {
        pdf.Length.ShouldBeLessThanOrEqualTo(150 * 1024);
        using var document = PdfDocument.Open(pdf);
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().Order().ToList();
        fonts.Count.ShouldBe(2);
        fonts.ShouldAllBe(name => name != null && Regex.IsMatch(name, @"^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$"));
        Regex.Count(Encoding.Latin1.GetString(pdf), "/FontFile2").ShouldBe(2);
    }

    /// <summary>Each page's text, in drawing order.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    /// <summary>Text without white space (words of a wrapped line may be split anywhere).</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Keeps a look at the PDF for people (bin/…/slips/); tests do not read it.</summary>
    public static void Keep(string name, byte[] pdf)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "slips");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), pdf);
    }
}
