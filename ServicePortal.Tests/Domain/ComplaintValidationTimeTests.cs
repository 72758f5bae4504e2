using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Received time may be earlier (back-entry) but not in the future beyond a minute of clock skew;
/// the promised reply time must come after the received time.
/// </summary>
public class ComplaintValidationTimeTests(ValidationDomain domain) : IClassFixture<ValidationDomain>
{
    private readonly DomainFixture _f = domain.F;

    private DateTimeOffset Now => _f.Time.GetUtcNow();

    [Theory]
    [InlineData(0)]
    [InlineData(30)]  // a browser clock a little ahead
    [InlineData(60)]
    [InlineData(-3 * 24 * 3600)] // entered three days later
    public async Task ReceivedTime_UpToAMinuteAhead_IsAccepted(int secondsFromNow)
    {
        var received = Now.AddSeconds(secondsFromNow);

        var complaint = await _f.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(received).Build());

        complaint.ReceivedAt.ShouldBe(received.UtcDateTime);
    }

    [Theory]
    [InlineData(61)]
    [InlineData(120)]
    [InlineData(24 * 3600)]
    public async Task ReceivedTime_MoreThanAMinuteInTheFuture_IsRefused(int secondsFromNow)
    {
        var errors = await _f.ErrorsAsync(new ComplaintInputBuilder().ReceivedAt(Now.AddSeconds(secondsFromNow)).Build());

        errors.Keys.ShouldBe(["receivedAt"]);
        errors["receivedAt"].ShouldBe(["受理时间不能晚于当前时间"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-120)]
    public async Task PromisedReply_AtOrBeforeReceived_IsRefused(int minutesAfterReceived)
    {
        var received = Now.AddHours(-2);
        var input = new ComplaintInputBuilder().ReceivedAt(received).PromisedReplyAt(received.AddMinutes(minutesAfterReceived)).Build();

        var errors = await _f.ErrorsAsync(input);

        errors.Keys.ShouldBe(["promisedReplyAt"]);
        errors["promisedReplyAt"].ShouldBe(["承诺答复时间必须晚于受理时间"]);
    }

    [Fact]
    public async Task PromisedReply_BeforeNow_WhenReceivedDefaultsToNow_IsRefused()
    {
        var errors = await _f.ErrorsAsync(new ComplaintInputBuilder().PromisedReplyAt(Now.AddMinutes(-5)).Build());

        errors.Keys.ShouldBe(["promisedReplyAt"]);
    }

    [Fact]
    public async Task PromisedReply_AfterReceived_IsKept()
    {
        var received = Now.AddHours(-2);
        var promised = received.AddMinutes(1);

        var complaint = await _f.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(received).PromisedReplyAt(promised).Build());

        complaint.PromisedReplyAt.ShouldBe(promised.UtcDateTime);
    }
}
