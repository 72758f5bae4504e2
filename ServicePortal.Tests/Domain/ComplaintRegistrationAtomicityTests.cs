using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>A refused registration saves nothing: no complaint, no new customer, no history, no serial.</summary>
public class ComplaintRegistrationAtomicityTests
{
    [Theory]
    [InlineData("content")]
    [InlineData("customerRequest")]
    [InlineData("category")]
    [InlineData("customerPhone")]
    [InlineData("receivedAt")]
    [InlineData("promisedReplyAt")]
    [InlineData("customerId")]
    public async Task RefusedRegistration_SavesNothing(string badField)
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.RegisterAsync(new ComplaintInputBuilder().Build());
        var before = await f.CountRowsAsync();
        // A new customer (name and phone valid) whose complaint fails on one other field.
        var input = new ComplaintInputBuilder().WithCustomer("周新客", "13700001111").With(i => Break(i, badField)).Build();

        var ex = await Should.ThrowAsync<InputInvalidException>(() => f.RegisterAsync(input));

        ex.Errors.Keys.ShouldBe([badField]);
        (await f.CountRowsAsync()).ShouldBe(before);
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2611002");
    }

    [Fact]
    public async Task RefusedRole_SavesNothing()
    {
        await using var f = await DomainFixture.CreateAsync();
        var before = await f.CountRowsAsync();

        await Should.ThrowAsync<DomainException>(() => f.RegisterAsync(new ComplaintInputBuilder().Build(), "exec"));

        (await f.CountRowsAsync()).ShouldBe(before);
    }

    private static void Break(ComplaintInput input, string field)
    {
        var now = DomainFixture.DefaultNow;
        switch (field)
        {
            case "content": input.Content = new string('长', ComplaintValidator.ContentMax + 1); break;
            case "customerRequest": input.CustomerRequest = ""; break;
            case "category": input.Category = "不存在的类别"; break;
            case "customerPhone": input.CustomerPhone = "010-123"; break;
            case "receivedAt": input.ReceivedAt = now.AddHours(1); break;
            case "promisedReplyAt": input.PromisedReplyAt = now.AddHours(-1); break;
            case "customerId": input.CustomerId = 424242; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }
}
