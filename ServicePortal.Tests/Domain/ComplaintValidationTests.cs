using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// One database for a class of validation tests: refusals save nothing, and the few accepted
/// registrations do not disturb each other (no test here counts rows or reads numbers).
/// </summary>
public sealed class ValidationDomain : IAsyncLifetime
{
    public DomainFixture F { get; private set; } = null!;

    public async ValueTask InitializeAsync() => F = await DomainFixture.CreateAsync();

    public async ValueTask DisposeAsync() => await F.DisposeAsync();
}

/// <summary>SPEC C-1: every field of the intake form is checked, with a Chinese message per field.</summary>
public class ComplaintValidationTests(ValidationDomain domain) : IClassFixture<ValidationDomain>
{
    private readonly DomainFixture _f = domain.F;

    [Theory]
    [InlineData("customerName", "请输入客户姓名")]
    [InlineData("customerPhone", "请输入联系电话")]
    [InlineData("channel", "请选择投诉渠道")]
    [InlineData("content", "请输入投诉内容")]
    [InlineData("customerRequest", "请输入客户要求")]
    [InlineData("category", "请选择投诉类别")]
    [InlineData("severity", "请选择严重程度")]
    public async Task MissingRequiredField_IsRefusedWithItsChineseMessage(string field, string message)
    {
        var errors = await _f.ErrorsAsync(new ComplaintInputBuilder().With(i => Blank(i, field, "")).Build());

        errors.Keys.ShouldBe([field]);
        errors[field].ShouldBe([message]);
    }

    [Theory]
    [InlineData("customerName", " ")]
    [InlineData("customerName", "\u3000")] // full-width space, as an IME types it
    [InlineData("customerPhone", "   ")]
    [InlineData("content", "   ")]
    [InlineData("content", "\r\n\t ")]
    [InlineData("content", "\u3000\u3000")]
    [InlineData("customerRequest", "  \n ")]
    [InlineData("category", "  ")]
    public async Task WhitespaceOnlyText_CountsAsMissing(string field, string whitespace)
    {
        var errors = await _f.ErrorsAsync(new ComplaintInputBuilder().With(i => Blank(i, field, whitespace)).Build());

        errors.Keys.ShouldBe([field]);
        errors[field].Single().ShouldStartWith("请");
    }

    [Fact]
    public async Task Content_Of2000Characters_IsAccepted()
    {
        var content = new string('投', 2000);

        var complaint = await _f.RegisterAsync(new ComplaintInputBuilder().WithContent(content).Build());

        complaint.Content.ShouldBe(content);
    }

    [Fact]
    public async Task Content_Of2001Characters_IsRefusedNamingTheLimit()
    {
        var errors = await _f.ErrorsAsync(new ComplaintInputBuilder().WithContent(new string('投', 2001)).Build());

        errors.Keys.ShouldBe(["content"]);
        errors["content"].Single().ShouldContain("2000");
    }

    [Fact]
    public async Task UnknownCategory_IsRefused()
    {
        var errors = await _f.ErrorsAsync(new ComplaintInputBuilder().WithCategory("售后态度").Build());

        errors.Keys.ShouldBe(["category"]);
        errors["category"].Single().ShouldContain("售后态度");
    }

    [Fact]
    public async Task ChosenCustomerThatDoesNotExist_IsRefused()
    {
        var errors = await _f.ErrorsAsync(new ComplaintInputBuilder().WithCustomerId(987654).Build());

        errors.Keys.ShouldBe(["customerId"]);
        errors["customerId"].ShouldBe(["所选客户不存在，请重新选择"]);
    }

    [Fact]
    public async Task ChosenExistingCustomer_NeedsNoNameOrPhone()
    {
        var first = await _f.RegisterAsync(new ComplaintInputBuilder().WithCustomer("陈静", "13987654321").Build());

        var second = await _f.RegisterAsync(new ComplaintInputBuilder().WithCustomerId(first.CustomerId).WithCustomer("", "").Build());

        second.CustomerId.ShouldBe(first.CustomerId);
        second.CustomerName.ShouldBe("陈静");
    }

    [Fact]
    public async Task EveryBadField_IsReportedAtOnce()
    {
        var input = new ComplaintInputBuilder().WithCustomer("", "abc").WithChannel(null).WithContent("")
            .WithCategory("不存在").WithSeverity(null).With(i => i.CustomerRequest = "").Build();

        var errors = await _f.ErrorsAsync(input);

        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["category", "channel", "content", "customerName", "customerPhone", "customerRequest", "severity"]);
    }

    [Fact]
    public async Task RefusedRegistration_ThrowsInputInvalidWithAChineseSummary()
    {
        var ex = await Should.ThrowAsync<InputInvalidException>(() => _f.RegisterAsync(new ComplaintInputBuilder().WithContent("").Build()));

        ex.Message.ShouldBe("输入有误，请按提示修改后再保存。");
    }

    private static void Blank(ComplaintInput input, string field, string value)
    {
        switch (field)
        {
            case "customerName": input.CustomerName = value; break;
            case "customerPhone": input.CustomerPhone = value; break;
            case "channel": input.Channel = null; break;
            case "content": input.Content = value; break;
            case "customerRequest": input.CustomerRequest = value; break;
            case "category": input.Category = value; break;
            case "severity": input.Severity = null; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }
}
