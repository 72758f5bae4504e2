using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using ServicePortal.Components.Pages.Complaints;

namespace ServicePortal.Tests.Components;

/// <summary>Fills a form (an intake page, a step dialog) the way a user does, through its inputs found by data-testid.</summary>
public class FormDriver<TComponent>(PortalComponentTest test, IRenderedComponent<TComponent> form) where TComponent : IComponent
{
    protected PortalComponentTest Test { get; } = test;

    public IRenderedComponent<TComponent> Form { get; } = form;

    public IElement Field(string testId) => Test.Host.Find($"[data-testid={testId}]");

    public FormDriver<TComponent> Type(string testId, string value)
    {
        // Fields that update as you type (content, with its counter) listen to input, the others to change.
        var field = Field(testId);
        if (field.HasAttribute("blazor:onchange")) field.Change(value);
        else field.Input(value);
        return this;
    }

    /// <summary>Opens a select and clicks the option with this text.</summary>
    public FormDriver<TComponent> Choose(string testId, string option)
    {
        Field(testId).MouseDown();
        var item = Test.Host.WaitForElements(".mud-popover-open .mud-list-item")
            .Single(i => i.TextContent.Trim() == option);
        item.Click();
        return this;
    }

    /// <summary>Whether the field's cell is marked invalid (red outline and label).</summary>
    public bool IsMarkedInvalid(string testId) =>
        Field(testId).Closest(".mud-grid-item")?.ClassList.Contains("field-invalid") ?? false;

    /// <summary>The message shown next to a field: inside the same grid cell as the field, or null.</summary>
    public string? ErrorNextTo(string testId)
    {
        var cell = Field(testId).Closest(".mud-grid-item") ?? throw new InvalidOperationException($"{testId} is not in a grid cell");
        return cell.QuerySelector($"[data-testid={testId}-error]")?.TextContent.Trim();
    }
}

/// <summary>Fills the intake form (/complaints/new) the way a clerk does, through its inputs.</summary>
public sealed class IntakeFormDriver(PortalComponentTest test, IRenderedComponent<NewComplaint> form) : FormDriver<NewComplaint>(test, form)
{
    public new IntakeFormDriver Type(string testId, string value)
    {
        base.Type(testId, value);
        return this;
    }

    public new IntakeFormDriver Choose(string testId, string option)
    {
        base.Choose(testId, option);
        return this;
    }

    public IntakeFormDriver Severity(string severity)
    {
        Field($"severity-{severity}").Click();
        return this;
    }

    /// <summary>A complete, valid complaint (received now, promised at the default time).</summary>
    public IntakeFormDriver FillValid(string content = "空调维修后仍然漏水，师傅说下周再来但一直没有消息。")
    {
        Type("customer-name", "王建国");
        Type("customer-phone", "13812345678");
        Type("customer-address", "北京市朝阳区建国路 88 号");
        Choose("channel", "电话");
        Type("content", content);
        Type("customer-request", "尽快上门修好并赔偿地板损失");
        Choose("category", "维修质量");
        Severity("Major");
        return this;
    }

    public void Save() => Field("save-complaint").Click();
}
