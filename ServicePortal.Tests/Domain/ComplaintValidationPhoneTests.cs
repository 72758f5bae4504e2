using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Contact phone: a mainland mobile (1, then 3–9, 11 digits) or a landline with its area code and
/// an optional extension. "+86 …" is refused on purpose: numbers are kept in one domestic form so
/// that name + phone finds the same customer again.
/// </summary>
public class ComplaintValidationPhoneTests(ValidationDomain domain) : IClassFixture<ValidationDomain>
{
    private readonly DomainFixture _f = domain.F;

    [Theory]
    [InlineData("13812345678")]
    [InlineData("19912345678")]
    [InlineData("010-12345678")]
    [InlineData("0755-1234567")]
    [InlineData("075512345678")]
    [InlineData("021-12345678-801")]
    [InlineData("010-12345678转123")]
    [InlineData(" 138 1234 5678 ")]
    public async Task Phone_IsAccepted(string phone)
    {
        ComplaintValidator.PhoneError(phone).ShouldBeNull();

        var complaint = await _f.RegisterAsync(new ComplaintInputBuilder().WithCustomer("孙丽", phone).Build());

        complaint.CustomerPhone.ShouldBe(ComplaintValidator.NormalizePhone(phone));
    }

    [Theory]
    [InlineData("12812345678")]   // no mobile range starts 12
    [InlineData("1381234567")]    // 10 digits
    [InlineData("138123456789")]  // 12 digits
    [InlineData("12345678")]      // landline without area code
    [InlineData("abc")]
    [InlineData("010-123")]
    [InlineData("+86 13812345678")]
    public async Task Phone_IsRefused(string phone)
    {
        var errors = await _f.ErrorsAsync(new ComplaintInputBuilder().WithPhone(phone).Build());

        errors.Keys.ShouldBe(["customerPhone"]);
        errors["customerPhone"].Single().ShouldStartWith("电话号码格式不正确");
    }
}
