using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// One Blazor Server circuit driven over Blazor's hub (<c>/_blazor</c>) the way blazor.web.js drives it, without a
/// browser: the page is fetched with the sign-in cookie, its prerendered root components (the <c>&lt;!--Blazor:{…}--&gt;</c>
/// markers of <c>HeadOutlet</c> and <c>Routes</c>) are handed to <c>StartCircuit</c> and <c>UpdateRootComponents</c>, every
/// render batch is acknowledged (<c>OnRenderCompleted</c>; the server holds back after 10 unacknowledged ones) and every
/// JS interop call is answered at once (<c>EndInvokeJSFromDotNet</c>, success with a null result unless
/// <see cref="PlausibleResults"/> names one), so nothing stays pending on the server. A navigation is a menu link the
/// browser intercepts: <c>OnLocationChanging</c> first when the circuit asked for it (a location-changing handler),
/// then <c>OnLocationChanged(uri, null, intercepted: true)</c>. Render batches are not parsed: a page counts as shown
/// when a batch holds the UTF-8 of a text only that page renders (a <c>data-testid</c>; attribute values travel in
/// the batch's string table). What a browser would add is not here: applying the batches to a DOM, and the calls
/// MudBlazor's scripts make into .NET on their own (resize and scroll listeners).
/// </summary>
internal sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    /// <summary>
    /// Results for the JS calls whose .NET caller uses a value (the rest get null, as a void call's): what a 1280×800 window
    /// would measure, so that MudBlazor renders as in a browser (its charts render once more after measuring their axes).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PlausibleResults = new Dictionary<string, string>
    {
        ["window.hasOwnProperty"] = "true",
        ["mudpopoverHelper.countProviders"] = "1",
        ["mudResizeListener.getBrowserWindowSize"] = """{"width":1280,"height":800}""",
        ["mudElementRef.getBoundingClientRect"] = """{"top":64,"left":240,"width":320,"height":40,"windowWidth":1280,"windowHeight":800,"scrollX":0,"scrollY":0}""",
        ["mudGetSvgBBox"] = """{"x":0,"y":0,"width":40,"height":16}""",
        ["mudObserveElementSize"] = """{"width":800,"height":300,"timestamp":1}""",
    };

    private readonly HubConnection _connection;
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly CircuitTraffic _traffic;
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _rootComponentsAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<bool>> _locationChanging = new();
    private Wait? _wait;
    private string? _circuitId;
    private string? _path;
    private int _locationChangingCalls;
    private volatile bool _hasLocationChangingListeners;

    private BlazorCircuitClient(HttpClient http, CookieContainer cookies, string baseUrl, CircuitTraffic traffic)
    {
        _http = http;
        _baseUrl = baseUrl.TrimEnd('/');
        _traffic = traffic;
        _connection = Connection(_baseUrl, cookies);
        _connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        // A root component given by UpdateRootComponents goes to the DOM at its ssrComponentId: nothing to answer.
        _connection.On<int, string>("JS.AttachComponent", (_, _) => Interlocked.Increment(ref _traffic.RootComponentsAttached));
        _connection.On<long>("JS.EndUpdateRootComponents", _ => _rootComponentsAdded.TrySetResult());
        _connection.On<int, bool>("JS.EndLocationChanging", (callId, allowed) =>
        {
            if (_locationChanging.TryRemove(callId, out var pending)) pending.TrySetResult(allowed);
        });
        _connection.On<string>("JS.Error", error =>
        {
            _traffic.Errors.Enqueue(error);
            lock (_lock) _wait?.Found.TrySetException(new InvalidOperationException("JS.Error: " + error));
        });
        // Not expected here (they answer calls this client does not make, or serve features the pages do not use): counted.
        foreach (var (name, types) in new (string, Type[])[]
                 {
                     ("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)]),
                     ("JS.ReceiveByteArray", [typeof(int), typeof(byte[])]), ("JS.BeginTransmitStream", [typeof(long)]),
                 })
        {
            _connection.On(name, types, (_, _) =>
            {
                _traffic.Unexpected.AddOrUpdate(name, 1, (_, n) => n + 1);
                return Task.CompletedTask;
            }, this);
        }
        _connection.Closed += error =>
        {
            lock (_lock) _wait?.Found.TrySetException(new InvalidOperationException("connection closed", error));
            return Task.CompletedTask;
        };
    }

    /// <summary>A connection to Blazor's hub as blazor.web.js makes it (WebSockets after negotiating), not started.</summary>
    public static HubConnection Connection(string baseUrl, CookieContainer cookies)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(baseUrl.TrimEnd('/') + "/_blazor", HttpTransportType.WebSockets, o => o.Cookies = cookies);
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        return builder.Build();
    }

    /// <summary>The circuit's connection is up (a closed one is replaced by opening a new circuit).</summary>
    public bool Connected => _connection.State == HubConnectionState.Connected;

    /// <summary>
    /// GETs <paramref name="path"/> with <paramref name="http"/> (its cookies: the sign-in), starts a circuit on the
    /// page's root components and waits until the interactive render holds <paramref name="marker"/>.
    /// </summary>
    public static async Task<BlazorCircuitClient> OpenAsync(HttpClient http, CookieContainer cookies, string baseUrl, string path, string marker,
        CircuitTraffic traffic, CancellationToken ct)
    {
        var client = new BlazorCircuitClient(http, cookies, baseUrl, traffic);
        try
        {
            await client.StartAsync(path, marker, ct);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(string path, string marker, CancellationToken ct)
    {
        var html = await _http.GetStringAsync(_baseUrl + path, ct);
        var components = RootComponentMarker().Matches(html).Select(m => JsonNode.Parse(m.Groups["json"].Value)!)
            .Where(m => m["type"]?.GetValue<string>() == "server" && m["descriptor"] is not null).ToList();
        if (components.Count == 0)
            throw new InvalidOperationException($"{path}: no interactive server component in the page (signed out?)");
        var state = ComponentState().Match(html) is { Success: true } s ? s.Groups["state"].Value : "";
        var shown = Expect(marker);
        await _connection.StartAsync(ct);
        _circuitId = await _connection.InvokeAsync<string?>("StartCircuit", _baseUrl + "/", _baseUrl + path, "[]", state, ct)
                     ?? throw new InvalidOperationException("StartCircuit refused the circuit: " + string.Join(" · ", _traffic.Errors));
        // blazor.web.js: the prerendered components in document order, ids from 1, the marker as read from the comment.
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(components.Select((m, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = m,
            }).ToArray()),
        };
        await _connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, ct);
        await _rootComponentsAdded.Task.WaitAsync(Timeout, ct);
        await shown.Found.Task.WaitAsync(Timeout, ct);
        _path = path;
    }

    /// <summary>How long an action may take before it counts as unanswered.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Follows an intercepted link to <paramref name="path"/> and returns when the first render batch after it
    /// arrived and when a batch held <paramref name="marker"/> (milliseconds from sending); throws a
    /// <see cref="TimeoutException"/> after <see cref="Timeout"/> (saying what came meanwhile). Not to the page shown: the
    /// router keeps it as it is and renders nothing new, so no batch would hold the marker.
    /// </summary>
    public async Task<(double FirstBatchMs, double MarkerMs)> NavigateAsync(string path, string marker, CancellationToken ct)
    {
        if (path == _path) throw new InvalidOperationException($"{path} is shown already: a link to it renders nothing new");
        var uri = _baseUrl + path;
        var wait = Expect(marker);
        if (_hasLocationChangingListeners)
        {
            var callId = Interlocked.Increment(ref _locationChangingCalls);
            var allowed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _locationChanging[callId] = allowed;
            await _connection.SendAsync("OnLocationChanging", callId, uri, (string?)null, true, ct);
            if (!await allowed.Task.WaitAsync(Timeout, ct)) throw new InvalidOperationException($"navigation to {path} was cancelled by the page");
        }
        await _connection.SendAsync("OnLocationChanged", uri, (string?)null, true, ct);
        try
        {
            await wait.Found.Task.WaitAsync(Timeout, ct);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: no {marker} in {Timeout.TotalSeconds:F0} s; {wait.Batches} render batches meanwhile (the last #{wait.LastBatchId}), connection {_connection.State}"), e);
        }
        finally
        {
            lock (_lock) _wait = null;
        }
        _path = path;
        return (Ms(wait.Started, wait.FirstBatch), Ms(wait.Started, wait.MarkerBatch));
    }

    private static double Ms(long from, long to) => to == 0 ? double.PositiveInfinity : Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private Wait Expect(string marker)
    {
        var wait = new Wait(Encoding.UTF8.GetBytes(marker), Stopwatch.GetTimestamp());
        lock (_lock) _wait = wait;
        return wait;
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _traffic.RenderBatches);
        _traffic.CountBatch(batch.Length);
        lock (_lock)
        {
            if (_wait is { } wait)
            {
                if (wait.FirstBatch == 0) wait.FirstBatch = now;
                wait.Batches++;
                wait.LastBatchId = batchId;
                if (batch.AsSpan().IndexOf(wait.Marker) >= 0)
                {
                    wait.MarkerBatch = now;
                    wait.Found.TrySetResult();
                    _wait = null;
                }
            }
        }
        await _connection.SendAsync("OnRenderCompleted", batchId, (string?)null);
    }

    private async Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        _traffic.JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        if (identifier == "Blazor._internal.navigationManager.setHasLocationChangingListeners")
            _hasLocationChangingListeners = JsonNode.Parse(argsJson) is JsonArray { Count: 2 } args && args[1]!.GetValue<bool>();
        if (asyncHandle == 0) return; // no answer awaited
        var result = PlausibleResults.GetValueOrDefault(identifier, "null");
        await _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true,
            string.Create(CultureInfo.InvariantCulture, $"[{asyncHandle},true,{result}]"));
        Interlocked.Increment(ref _traffic.JsCallsAnswered);
    }

    /// <summary>Closes the connection and ends the circuit as a closed browser tab does (<c>/_blazor/disconnect</c>).</summary>
    public async ValueTask DisposeAsync()
    {
        var wasConnected = Connected;
        await _connection.DisposeAsync();
        if (_circuitId is { } id && wasConnected)
        {
            try
            {
                using var _ = await _http.PostAsync(_baseUrl + "/_blazor/disconnect/", new FormUrlEncodedContent([new("circuitId", id)]));
            }
            catch (HttpRequestException)
            {
                // the server is going away: its circuits with it
            }
        }
    }

    [GeneratedRegex("<!--Blazor:(?<json>\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex RootComponentMarker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)-->")]
    private static partial Regex ComponentState();

    private sealed class Wait(byte[] marker, long started)
    {
        public byte[] Marker { get; } = marker;
        public long Started { get; } = started;
        public long FirstBatch { get; set; }
        public long MarkerBatch { get; set; }
        public int Batches { get; set; }
        public long LastBatchId { get; set; }
        public TaskCompletionSource Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Blazor's hub speaks only "blazorpack": SignalR's MessagePack protocol under that name (the server's
    /// <c>BlazorPackHubProtocol</c> is MessagePack restricted to the argument types Blazor sends).
    /// </summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";
        public int Version => _inner.Version;
        public TransferFormat TransferFormat => TransferFormat.Binary;
        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);
        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
            _inner.TryParseMessage(ref input, binder, out message);
        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);
        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }
}

/// <summary>What the server sent the clients of one run, to check that they answered everything.</summary>
internal sealed class CircuitTraffic
{
    public long RenderBatches;
    public long JsCallsAnswered;
    public long RootComponentsAttached;
    private long _batchBytes;
    private long _largestBatch;
    private long _batchesOver64Kb;
    public ConcurrentDictionary<string, int> JsCalls { get; } = new();
    public ConcurrentQueue<string> Errors { get; } = new();
    public ConcurrentDictionary<string, int> Unexpected { get; } = new();

    /// <summary>A render batch's size: the server serializes each into a pooled buffer that doubles as it grows, so large ones leave large buffers in the pool.</summary>
    public void CountBatch(int bytes)
    {
        Interlocked.Add(ref _batchBytes, bytes);
        if (bytes >= 64 * 1024) Interlocked.Increment(ref _batchesOver64Kb);
        for (var largest = Interlocked.Read(ref _largestBatch); bytes > largest; largest = Interlocked.Read(ref _largestBatch))
        {
            if (Interlocked.CompareExchange(ref _largestBatch, bytes, largest) == largest) break;
        }
    }

    public override string ToString()
    {
        var calls = string.Join(", ", JsCalls.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"));
        var errors = Errors.IsEmpty ? "" : ": " + string.Join(" · ", Errors.Distinct().Take(3));
        var unexpected = Unexpected.IsEmpty ? "" : "; unexpected: " + string.Join(", ", Unexpected.Select(u => $"{u.Key} {u.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{RootComponentsAttached} root components attached, {RenderBatches} render batches acknowledged (mean {(RenderBatches == 0 ? 0 : _batchBytes / 1024.0 / RenderBatches):F1} KB, largest {_largestBatch / 1024.0:F0} KB, {_batchesOver64Kb} of 64 KB or more); {JsCalls.Values.Sum()} JS calls, {JsCallsAnswered} answered ({calls}); {Errors.Count} JS.Error{errors}{unexpected}");
    }
}
