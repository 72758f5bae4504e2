using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ServicePortal.Domain.Common;

/// <summary>
/// Carries the change feeds (<see cref="PostgresChangeFeed{TChange}"/>) between app instances on one PostgreSQL database with
/// LISTEN/NOTIFY on <see cref="Channel"/>. Sending: a change is queued (never blocking the saving request) and one loop sends
/// the queue with <c>pg_notify</c> on a pooled connection; a failed send is logged and dropped (pages refresh on the next change).
/// Receiving: one dedicated connection per instance LISTENs; after a lost connection it is opened again (logged, waiting 0.5 s,
/// then twice as long each time up to 30 s), and <see cref="Resumed"/> tells the caches that they may have missed a change.
/// Each payload names the sending instance, which ignores its own echo (it delivered locally at once).
/// </summary>
public sealed class PostgresChangeBackplane : BackgroundService
{
    public const string Channel = "portal_changes";
    /// <summary>The listening connection's application name is this, a space and <see cref="InstanceId"/> (to find it in pg_stat_activity).</summary>
    public const string ListenerName = "ServicePortal live updates";
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private sealed record Receiver(Type Type, Action<object> Deliver);

    private readonly ConcurrentDictionary<string, Receiver> _receivers = new(StringComparer.Ordinal);
    private readonly Channel<string> _outbox = System.Threading.Channels.Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _listenConnectionString;
    private readonly NpgsqlDataSource _sender;
    private readonly ILogger _logger;

    public PostgresChangeBackplane(string connectionString, ILogger<PostgresChangeBackplane> logger)
    {
        _logger = logger;
        var listen = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, // its own connection, closed for good when lost
            KeepAlive = 15, // a query every 15 s of silence finds a connection that died without a word
            ApplicationName = $"{ListenerName} {InstanceId}",
        };
        _listenConnectionString = listen.ConnectionString;
        _sender = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ListenerName + " (send)", MaxPoolSize = 2 }.ConnectionString);
    }

    /// <summary>This instance's id in the payloads it sends.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Completes when the first LISTEN is in place (tests wait for it before acting on another instance).</summary>
    public Task Listening => _listening.Task;

    /// <summary>Raised after the listening connection was opened again following a failure: changes sent meanwhile were missed.</summary>
    public event Action? Resumed;

    /// <summary>Changes of <typeparamref name="TChange"/> from other instances go to <paramref name="deliver"/> (one receiver per type).</summary>
    public void Register<TChange>(Action<TChange> deliver) =>
        _receivers[ChangeWire.Kind(typeof(TChange))] = new Receiver(typeof(TChange), c => deliver((TChange)c));

    /// <summary>Queues <paramref name="change"/> for the other instances; never throws, never waits.</summary>
    public void Send<TChange>(TChange change)
    {
        try
        {
            var payloads = ChangeWire.Payloads(InstanceId, change);
            if (payloads.Count == 0)
                _logger.LogWarning("A {Kind} is too big for NOTIFY and cannot be split: other instances do not see it", typeof(TChange).Name);
            foreach (var payload in payloads) _outbox.Writer.TryWrite(payload);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "A {Kind} could not be sent to other instances", typeof(TChange).Name);
        }
    }

    /// <summary>Hands one received payload to its receiver, unless this instance sent it or it is not ours.</summary>
    internal bool Receive(string payload)
    {
        if (ChangeWire.Read(payload) is not { } message || message.Instance == InstanceId) return false;
        if (!_receivers.TryGetValue(message.Kind, out var receiver)) return false;
        try
        {
            if (ChangeWire.Change(message.Change, receiver.Type) is not { } change) return false;
            receiver.Deliver(change);
            return true;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidCastException)
        {
            _logger.LogWarning(e, "A {Kind} from another instance could not be read", message.Kind);
            return false;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stop)
    {
        var retry = FirstRetry;
        var failed = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listenConnectionString);
                connection.Notification += (_, e) => { if (e.Channel == Channel) Receive(e.Payload); };
                await connection.OpenAsync(stop);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(stop);
                retry = FirstRetry;
                _listening.TrySetResult();
                if (failed)
                {
                    failed = false;
                    _logger.LogInformation("Live updates: listening on PostgreSQL again");
                    try { Resumed?.Invoke(); }
                    catch (Exception e) { _logger.LogError(e, "Live updates: dropping the caches after a reconnection failed"); }
                }
                while (true) await connection.WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failed = true;
                _logger.LogWarning(e, "Live updates: the PostgreSQL listening connection failed; trying again in {Seconds} s", retry.TotalSeconds);
                try { await Task.Delay(retry, stop); }
                catch (OperationCanceledException) { return; }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    private async Task SendAsync(CancellationToken stop)
    {
        var batch = new List<string>();
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(stop))
            {
                batch.Clear();
                while (batch.Count < 100 && _outbox.Reader.TryRead(out var payload)) batch.Add(payload);
                try
                {
                    await using var connection = await _sender.OpenConnectionAsync(stop);
                    await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                    var channel = command.Parameters.AddWithValue("channel", Channel);
                    var text = command.Parameters.AddWithValue("payload", "");
                    foreach (var payload in batch)
                    {
                        text.Value = payload;
                        await command.ExecuteNonQueryAsync(stop);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    _logger.LogWarning(e, "Live updates: {Count} changes could not be sent to other instances", batch.Count);
                    await Task.Delay(FirstRetry, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _sender.Dispose();
    }
}

/// <summary>
/// The change feed on PostgreSQL: <see cref="Publish"/> delivers to this instance's subscribers at once (as
/// <see cref="InProcessChangeFeed{TChange}"/>) and queues the change for the other instances (<see cref="PostgresChangeBackplane"/>),
/// whose changes come to the same subscribers.
/// </summary>
public sealed class PostgresChangeFeed<TChange> : IChangeFeed<TChange>
{
    private readonly InProcessChangeFeed<TChange> _local = new();
    private readonly PostgresChangeBackplane _backplane;

    public PostgresChangeFeed(PostgresChangeBackplane backplane)
    {
        _backplane = backplane;
        backplane.Register<TChange>(_local.Publish);
    }

    public void Publish(TChange change)
    {
        _local.Publish(change);
        _backplane.Send(change);
    }

    public IDisposable Subscribe(Func<TChange, Task> handler) => _local.Subscribe(handler);
}
