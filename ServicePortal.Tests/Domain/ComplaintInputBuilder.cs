using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// A complaint intake that passes every rule (王建国, 13812345678, phone, 服务态度, 一般); tests change
/// only what they are about. <see cref="Build"/> returns a fresh copy each time.
/// </summary>
public sealed class ComplaintInputBuilder
{
    private int? _customerId;
    private string _customerName = "王建国";
    private string _customerPhone = "13812345678";
    private string _customerAddress = "北京市朝阳区建国路 88 号";
    private ComplaintChannel? _channel = ComplaintChannel.Phone;
    private string _content = "维修人员上门时态度生硬，没有说明收费标准就收取了上门费。";
    private string _customerRequest = "退还上门费并书面道歉";
    private string _category = "服务态度";
    private ComplaintSeverity? _severity = ComplaintSeverity.Normal;
    private DateTimeOffset? _receivedAt;
    private DateTimeOffset? _promisedReplyAt;
    private readonly List<Action<ComplaintInput>> _changes = [];

    public ComplaintInputBuilder WithCustomer(string name, string phone)
    {
        _customerName = name;
        _customerPhone = phone;
        return this;
    }

    public ComplaintInputBuilder WithCustomerId(int? customerId)
    {
        _customerId = customerId;
        return this;
    }

    public ComplaintInputBuilder WithPhone(string phone)
    {
        _customerPhone = phone;
        return this;
    }

    public ComplaintInputBuilder WithContent(string content)
    {
        _content = content;
        return this;
    }

    public ComplaintInputBuilder WithCategory(string category)
    {
        _category = category;
        return this;
    }

    public ComplaintInputBuilder WithChannel(ComplaintChannel? channel)
    {
        _channel = channel;
        return this;
    }

    public ComplaintInputBuilder WithSeverity(ComplaintSeverity? severity)
    {
        _severity = severity;
        return this;
    }

    public ComplaintInputBuilder ReceivedAt(DateTimeOffset? receivedAt)
    {
        _receivedAt = receivedAt;
        return this;
    }

    public ComplaintInputBuilder PromisedReplyAt(DateTimeOffset? promisedReplyAt)
    {
        _promisedReplyAt = promisedReplyAt;
        return this;
    }

    /// <summary>Any other change (used by table-driven tests that break one field at a time).</summary>
    public ComplaintInputBuilder With(Action<ComplaintInput> change)
    {
        _changes.Add(change);
        return this;
    }

    public ComplaintInput Build()
    {
        var input = new ComplaintInput
        {
            CustomerId = _customerId,
            CustomerName = _customerName,
            CustomerPhone = _customerPhone,
            CustomerAddress = _customerAddress,
            Channel = _channel,
            Content = _content,
            CustomerRequest = _customerRequest,
            Category = _category,
            Severity = _severity,
            ReceivedAt = _receivedAt,
            PromisedReplyAt = _promisedReplyAt,
        };
        foreach (var change in _changes) change(input);
        return input;
    }
}

/// <summary>Short-hands for the complaint tests: Beijing times and registering as a test account.</summary>
public static class ComplaintTesting
{
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, BeijingOffset);

    /// <summary>Registers <paramref name="input"/> as the given test account (clerk by default).</summary>
    public static async Task<ComplaintDetail> RegisterAsync(this DomainFixture f, ComplaintInput input, string userName = "clerk")
    {
        var user = await f.UserAsync(userName);
        return await f.Get<ComplaintService>().RegisterAsync(input, user.Id, TestContext.Current.CancellationToken);
    }

    /// <summary>The field errors a registration is refused with; empty when it was saved.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(this DomainFixture f, ComplaintInput input)
    {
        try
        {
            await f.RegisterAsync(input);
            return new Dictionary<string, string[]>();
        }
        catch (InputInvalidException e)
        {
            return e.Errors;
        }
    }

    /// <summary>Rows of the tables a registration writes, to prove a refusal saved nothing.</summary>
    public static async Task<(int Complaints, int Customers, int History, int Serials)> CountRowsAsync(this DomainFixture f)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = f.NewDb();
        return (await db.Complaints.CountAsync(ct), await db.Customers.CountAsync(ct),
            await db.ComplaintHistory.CountAsync(ct), await db.ComplaintSerials.CountAsync(ct));
    }
}
