using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Tests.Components;

/// <summary>Statuses, severities and channels in the reader's language (the Excel registers and the API stay Chinese).</summary>
public partial class ComplaintTextsLanguageTests : PortalComponentTest
{
    private static void Speak(string culture) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);

    [Fact]
    public void Chips_InEnglish_ShowEnglish()
    {
        Speak("en");

        Render<StatusChip>(p => p.Add(c => c.Status, ComplaintStatus.PendingApproval)).Markup.ShouldContain("Pending approval");
        Render<SeverityChip>(p => p.Add(c => c.Severity, ComplaintSeverity.Urgent)).Markup.ShouldContain("Urgent");
    }

    [Fact]
    public void Chips_InTraditionalChinese_ShowTraditionalChinese()
    {
        Speak("zh-Hant");

        Render<StatusChip>(p => p.Add(c => c.Status, ComplaintStatus.Closed)).Markup.ShouldContain("已結案");
        Render<SeverityChip>(p => p.Add(c => c.Severity, ComplaintSeverity.Urgent)).Markup.ShouldContain("緊急");
    }

    [Fact]
    public void EveryStatusSeverityAndChannel_HasAnEnglishName_AndTheSimplifiedNameIsTheDomains()
    {
        var l = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        Speak("en");
        var english = Enum.GetValues<ComplaintStatus>().Select(s => l.Text(s))
            .Concat(Enum.GetValues<ComplaintSeverity>().Select(s => l.Text(s)))
            .Concat(Enum.GetValues<ComplaintChannel>().Select(c => l.Text(c))).ToList();
        english.ShouldAllBe(t => !Han().IsMatch(t));

        Speak("zh-CN");
        Enum.GetValues<ComplaintStatus>().Select(s => l.Text(s)).ShouldBe(Enum.GetValues<ComplaintStatus>().Select(s => s.Chinese()));
        Enum.GetValues<ComplaintSeverity>().Select(s => l.Text(s)).ShouldBe(Enum.GetValues<ComplaintSeverity>().Select(s => s.Chinese()));
        Enum.GetValues<ComplaintChannel>().Select(c => l.Text(c)).ShouldBe(Enum.GetValues<ComplaintChannel>().Select(c => c.Chinese()));
    }

    [Fact]
    public void RevisitStatuses_InEnglish_AreEnglish_AndTheSimplifiedNamesAreTheDomains()
    {
        var l = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        Speak("en");
        l.Text(ServicePortal.Domain.Revisits.RevisitStatus.Unreachable).ShouldBe("Unreachable");
        Enum.GetValues<ServicePortal.Domain.Revisits.RevisitStatus>().Select(s => l.Text(s)).ShouldAllBe(t => !Han().IsMatch(t));

        Speak("zh-CN");
        Enum.GetValues<ServicePortal.Domain.Revisits.RevisitStatus>().Select(s => l.Text(s))
            .ShouldBe(Enum.GetValues<ServicePortal.Domain.Revisits.RevisitStatus>().Select(s => ServicePortal.Domain.Revisits.RevisitEnumTexts.Chinese(s)));
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
