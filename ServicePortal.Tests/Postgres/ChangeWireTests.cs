using Microsoft.Extensions.Logging.Abstractions;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Notifications;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Tests.Postgres;

/// <summary>
/// The messages between app instances (<see cref="ChangeWire"/>, <see cref="PostgresChangeBackplane.Receive"/>), without a
/// database: every kind of change arrives as it was sent, an instance ignores its own echo and what is not ours, and a change
/// too big for one NOTIFY is split or left out — never an exception in the saving request.
/// </summary>
public sealed class ChangeWireTests : IDisposable
{
    private static readonly DateTime At = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);

    private readonly PostgresChangeBackplane _a = NewBackplane();
    private readonly PostgresChangeBackplane _b = NewBackplane();

    // Not started: nothing connects (the tests call Receive with the payloads A would send).
    private static PostgresChangeBackplane NewBackplane() =>
        new("Host=localhost;Database=unused;Username=nobody", NullLogger<PostgresChangeBackplane>.Instance);

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    private List<T> ReceivedOnB<T>(T change)
    {
        var received = new List<T>();
        _b.Register<T>(received.Add);
        foreach (var payload in ChangeWire.Payloads(_a.InstanceId, change)) _b.Receive(payload);
        return received;
    }

    [Fact]
    public void EveryKindOfChange_ArrivesAsItWasSent()
    {
        ReceivedOnB(new ComplaintChanged("TS2611001", ComplaintStatus.PendingApproval, "审批方案", At)).ShouldBe([new ComplaintChanged("TS2611001", ComplaintStatus.PendingApproval, "审批方案", At)]);
        ReceivedOnB(new RepairChanged("WX2611001", RepairStage.QuotePending, "报价", At)).ShouldBe([new RepairChanged("WX2611001", RepairStage.QuotePending, "报价", At)]);
        ReceivedOnB(new RevisitChanged(42, "分配", At)).ShouldBe([new RevisitChanged(42, "分配", At)]);
        ReceivedOnB(new SurveyEntered(7, At)).ShouldBe([new SurveyEntered(7, At)]);
        var calendar = new CalendarChanged(Guid.NewGuid(), At);
        ReceivedOnB(calendar).ShouldBe([calendar]);
        ReceivedOnB(new NotificationsPosted(["u1", "u2"])).Single().UserIds.ShouldBe(["u1", "u2"]);
        ReceivedOnB(new ReferenceListChanged(ReferenceList.Owners)).ShouldBe([new ReferenceListChanged(ReferenceList.Owners)]);
    }

    [Fact]
    public void Enums_TravelByName()
    {
        var payload = ChangeWire.Payloads(_a.InstanceId, new ComplaintChanged("TS2611001", ComplaintStatus.PendingApproval, "审批方案", At)).Single();

        payload.ShouldContain("\"PendingApproval\"");
        payload.ShouldContain(_a.InstanceId);
    }

    [Fact]
    public void AnInstance_IgnoresItsOwnEcho()
    {
        var received = new List<SurveyEntered>();
        _a.Register<SurveyEntered>(received.Add);

        foreach (var payload in ChangeWire.Payloads(_a.InstanceId, new SurveyEntered(7, At)))
            _a.Receive(payload).ShouldBeFalse();

        received.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"i\":\"someone\",\"c\":{}}")]
    [InlineData("{\"i\":\"someone\",\"k\":\"System.String\",\"c\":\"x\"}")]
    [InlineData("{\"i\":\"someone\",\"k\":\"ServicePortal.Domain.Surveys.SurveyEntered\",\"c\":{\"id\":\"seven\"}}")]
    public void WhatIsNotOneOfOurChanges_IsIgnored(string payload)
    {
        var received = new List<SurveyEntered>();
        _b.Register<SurveyEntered>(received.Add);

        _b.Receive(payload).ShouldBeFalse();

        received.ShouldBeEmpty();
    }

    [Fact]
    public void NotificationsForAWholeCompany_AreSplitUnderTheNotifyLimit_AndReachEveryone()
    {
        var users = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid().ToString()).ToList();

        var payloads = ChangeWire.Payloads(_a.InstanceId, new NotificationsPosted(users));

        payloads.Count.ShouldBeGreaterThan(1);
        payloads.ShouldAllBe(p => System.Text.Encoding.UTF8.GetByteCount(p) < 8000);
        ReceivedOnB(new NotificationsPosted(users)).SelectMany(n => n.UserIds).ShouldBe(users, ignoreOrder: true);
    }

    [Fact]
    public void AChangeTooBigToSend_IsLeftOut_WithoutFailingThePublisher()
    {
        var huge = new ComplaintChanged("TS2611001", ComplaintStatus.Registered, new string('字', 4000), At);

        ChangeWire.Payloads(_a.InstanceId, huge).ShouldBeEmpty();
        Should.NotThrow(() => _a.Send(huge));
    }

    [Fact]
    public async Task Publish_DeliversHereAtOnce_WithoutADatabase()
    {
        var feed = new PostgresChangeFeed<SurveyEntered>(_a);
        var seen = new TaskCompletionSource<SurveyEntered>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = feed.Subscribe(s => { seen.TrySetResult(s); return Task.CompletedTask; });

        feed.Publish(new SurveyEntered(7, At));

        (await seen.Task.WaitAsync(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken)).ShouldBe(new SurveyEntered(7, At));
    }
}
