using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>A customer who calls again is the same customer: name + phone (or the chosen customer) is reused.</summary>
public class ComplaintRegistrationCustomerTests
{
    [Fact]
    public async Task ExistingCustomer_IsReused_WhenNameAndPhoneMatch()
    {
        await using var f = await DomainFixture.CreateAsync();
        var first = await f.RegisterAsync(new ComplaintInputBuilder().Build());

        var second = await f.RegisterAsync(new ComplaintInputBuilder().WithCustomer(" 王建国 ", "138 1234 5678").Build());

        second.CustomerId.ShouldBe(first.CustomerId);
        (await CustomerCountAsync(f)).ShouldBe(1);
    }

    [Fact]
    public async Task SameNameWithAnotherPhone_IsAnotherCustomer()
    {
        await using var f = await DomainFixture.CreateAsync();
        var first = await f.RegisterAsync(new ComplaintInputBuilder().Build());

        var second = await f.RegisterAsync(new ComplaintInputBuilder().WithCustomer("王建国", "13900001111").Build());

        second.CustomerId.ShouldNotBe(first.CustomerId);
        (await CustomerCountAsync(f)).ShouldBe(2);
    }

    [Fact]
    public async Task ChosenCustomer_IsUsed_WhateverNameIsTyped()
    {
        await using var f = await DomainFixture.CreateAsync();
        var first = await f.RegisterAsync(new ComplaintInputBuilder().Build());

        var second = await f.RegisterAsync(new ComplaintInputBuilder().WithCustomerId(first.CustomerId).WithCustomer("别人", "13900001111").Build());

        second.CustomerId.ShouldBe(first.CustomerId);
        second.CustomerName.ShouldBe("王建国");
        (await CustomerCountAsync(f)).ShouldBe(1);
    }

    [Fact]
    public async Task NewCustomerCallingTwoClerksAtOnce_IsCreatedOnce()
    {
        const int Clerks = 8;
        var ct = TestContext.Current.CancellationToken;
        await using var f = await DomainFixture.CreateAsync();
        var service = f.Get<ComplaintService>();
        var clerk = await f.UserAsync("clerk");
        using var start = new Barrier(Clerks);

        var tasks = Enumerable.Range(1, Clerks).Select(i => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(ct);
            var input = new ComplaintInputBuilder().WithCustomer("钱多多", "13655556666").WithContent($"第 {i} 次来电").Build();
            return service.RegisterAsync(input, clerk.Id, ct).GetAwaiter().GetResult();
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var results = await Task.WhenAll(tasks);

        results.Select(r => r.CustomerId).Distinct().ShouldHaveSingleItem();
        (await CustomerCountAsync(f)).ShouldBe(1);
    }

    private static async Task<int> CustomerCountAsync(DomainFixture f)
    {
        await using var db = f.NewDb();
        return await db.Customers.CountAsync(TestContext.Current.CancellationToken);
    }
}
