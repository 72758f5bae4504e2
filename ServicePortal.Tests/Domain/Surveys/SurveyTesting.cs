using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Surveys;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Surveys;

/// <summary>Customers, the default template and questionnaires for the survey tests (clock: 2026-11-24 10:00 Beijing).</summary>
public sealed class SurveyTesting
{
    private SurveyTesting(DomainFixture f, SurveyTemplateVersionView version, string clerkId, int wang, int li)
    {
        F = f; Version = version; ClerkId = clerkId; Wang = wang; Li = li;
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;
    public DomainFixture F { get; }
    public SurveyService Surveys => F.Get<SurveyService>();
    public SurveyTemplateService Templates => F.Get<SurveyTemplateService>();
    /// <summary>The default template's current version (ten items).</summary>
    public SurveyTemplateVersionView Version { get; }
    public string ClerkId { get; }
    public int Wang { get; }
    public int Li { get; }

    public static async Task<SurveyTesting> CreateAsync(DomainFixture f)
    {
        await using var db = f.NewDb();
        var wang = new Customer { Name = "王建国", Phone = "13812345678", CreatedAt = f.Time.GetUtcNow().UtcDateTime };
        var li = new Customer { Name = "李秀英", Phone = "13998765432", CreatedAt = f.Time.GetUtcNow().UtcDateTime };
        db.Customers.AddRange(wang, li);
        await db.SaveChangesAsync(Ct);
        var clerk = await db.Users.SingleAsync(u => u.UserName == "clerk", Ct);
        var template = (await f.Get<SurveyTemplateService>().ListAsync(ct: Ct)).Single();
        return new SurveyTesting(f, template.Current, clerk.Id, wang.Id, li.Id);
    }

    /// <summary>A questionnaire for 王建国 on 2026-11-20 scoring the items in order (null: blank).</summary>
    public SurveyInput Input(params int?[] scores) => new()
    {
        CustomerId = Wang,
        VersionId = Version.Id,
        PaperDate = new DateOnly(2026, 11, 20),
        Scores = [.. Version.Items.Zip(scores).Select(p => new SurveyScoreInput(p.First.Id, p.Second))],
        FormToken = Guid.NewGuid().ToString("N"),
    };

    public Task<SurveySaved> EnterAsync(SurveyInput input, bool confirm = false, string? userId = null) =>
        Surveys.EnterAsync(input, userId ?? ClerkId, confirm, Ct);

    public async Task<int> CountAsync()
    {
        await using var db = F.NewDb();
        return await db.Surveys.CountAsync(Ct);
    }
}
