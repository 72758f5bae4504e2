using Bunit;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Components.Pages.Revisits;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Tests.Components;

/// <summary>
/// Domain enums in the reader's language through the one generic <see cref="EnumTexts"/> helper: every value of
/// every enum the components show has a text in the three resource files, the simplified one being the domain's
/// own Chinese (which the exports keep).
/// </summary>
public sealed partial class EnumTextsTests : PortalComponentTest
{
    /// <summary>The enums the components show through <c>L.Text(value)</c>; add one here when a component starts to.</summary>
    public static readonly Type[] Shown =
    [
        typeof(ComplaintStatus), typeof(ComplaintSeverity), typeof(ComplaintChannel), typeof(CauseType), typeof(ResolutionKind),
        typeof(ReplyMethod), typeof(ApprovalLevel), typeof(RevisitStatus), typeof(RevisitKind), typeof(RevisitMethod),
        typeof(CustomerKind), typeof(CreditClass), typeof(CooperationKind), typeof(Confidentiality), typeof(CustomerPart), typeof(AccessChannel),
    ];

    private static readonly ResourceManager Resources = new("ServicePortal.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static void Speak(string culture) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);

    private static RevisitRecordView Record(RevisitMethod method) =>
        new(method, "王先生", new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc), [], "", "", 5, "", "李四", new DateTime(2026, 3, 2, 2, 30, 0, DateTimeKind.Utc));

    private static Dictionary<RevisitKind, string> NoQuestions() => Enum.GetValues<RevisitKind>().ToDictionary(k => k, _ => "");

    [Fact]
    public void Components_InEnglish_ShowEnglishEnumNames()
    {
        Speak("en");

        Render<RecordSheet>(p => p.Add(c => c.Record, Record(RevisitMethod.OnSite)))
            .Find("[data-testid=record-method]").TextContent.ShouldBe("On site");
        var card = Render<RevisitQuestionsCard>(p => p.Add(c => c.Questions, NoQuestions()).Add(c => c.Errors, new AccountErrors()));
        card.Markup.ShouldContain("Repair revisit");
        card.Markup.ShouldContain("Routine revisit (key customer)");
        card.Markup.ShouldNotContain("维修回访");
    }

    [Fact]
    public void Components_InSimplifiedChinese_ShowTheDomainsNames()
    {
        Speak("zh-CN");

        Render<RecordSheet>(p => p.Add(c => c.Record, Record(RevisitMethod.OnSite)))
            .Find("[data-testid=record-method]").TextContent.ShouldBe(RevisitMethod.OnSite.Chinese());
        var card = Render<RevisitQuestionsCard>(p => p.Add(c => c.Questions, NoQuestions()).Add(c => c.Errors, new AccountErrors()));
        card.Markup.ShouldContain(RevisitKind.AfterRepair.Chinese());
        card.Markup.ShouldContain(RevisitKind.IssueFollowUp.Chinese());
    }

    [Fact]
    public void Quarter_IsWrittenInTheReadersLanguage_TheSimplifiedOneBeingTheDomains()
    {
        var l = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var q = new Quarter(2026, 3);

        Speak("en");
        l.Text(q).ShouldBe("Q3 2026");
        Speak("zh-Hant");
        l.Text(q).ShouldBe("2026 年第三季度");
        Speak("zh-CN");
        l.Text(q).ShouldBe(q.Chinese());
        l.Text(new Quarter(2027, 1)).ShouldBe(new Quarter(2027, 1).Chinese());
    }

    public static TheoryData<string> ShownEnums() => [.. Shown.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(ShownEnums))]
    public void EveryValue_HasATextInAllThreeFiles_TheSimplifiedBeingTheDomainsChinese(string enumName)
    {
        var type = Shown.Single(t => t.Name == enumName);
        var chinese = DomainChinese(type);
        var simplified = Set(CultureInfo.InvariantCulture);
        var english = Set(new CultureInfo("en"));
        var traditional = Set(new CultureInfo("zh-Hant"));

        foreach (var value in Enum.GetValues(type))
        {
            var key = $"{type.Name}.{value}";
            simplified.GetString(key).ShouldBe((string)chinese.Invoke(null, [value])!, $"{key} in SharedResource.resx");
            english.GetString(key).ShouldNotBeNullOrWhiteSpace($"{key} in SharedResource.en.resx");
            Han().IsMatch(english.GetString(key)!).ShouldBeFalse($"{key} in English");
            traditional.GetString(key).ShouldNotBeNullOrWhiteSpace($"{key} in SharedResource.zh-Hant.resx");
        }
    }

    [Fact]
    public void TheGenericHelper_ReadsTheKeyOfTheTypeAndTheValue()
    {
        var l = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        Speak("en");
        l.Text(ComplaintStatus.PendingApproval).ShouldBe("Pending approval");
        l.Text(Confidentiality.TopSecret).ShouldBe("Top secret");
        l.Text(AccessChannel.Export).ShouldBe("Export");
        l.Text(CreditClass.B).ShouldBe("Class B");
    }

    /// <summary>The file of one language only (no fallback to the simplified one), so a missing English text shows.</summary>
    private static ResourceSet Set(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false).ShouldNotBeNull($"resources for “{culture.Name}”");

    /// <summary>The domain's <c>Chinese(this T)</c> for an enum (kept for the exports).</summary>
    private static MethodInfo DomainChinese(Type type) =>
        typeof(ComplaintStatus).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Single(m => m.Name == "Chinese" && m.GetParameters() is [var p] && p.ParameterType == type);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
