using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace PeerGrid.Benchmarks.Platform;

/// <summary>
/// One interactive Blazor Server circuit on /dashboard without a browser: it does what blazor.web.js (.NET 10) does
/// on the wire and nothing more. GET the page with the user's cookie, read its server component markers and persisted
/// state (<see cref="PrerenderedPage"/>), connect to /_blazor with the "blazorpack" protocol (SignalR's MessagePack
/// format under Blazor's name), invoke StartCircuit, then send UpdateRootComponents with an "add" per marker. Each
/// JS.RenderBatch is acknowledged with OnRenderCompleted(batchId, null) as soon as it arrives, and each JS interop call
/// is answered (<see cref="InteropResult"/>). The server therefore does all its work for this circuit: renders, diffs,
/// serialises and sends each batch, and waits for the acknowledgement before sending the next.
/// <para>
/// A slot reaches the circuit when a render batch carries the dashboard's "Last settled slot" label for it
/// (<see cref="RenderBatchText"/>).
/// </para>
/// </summary>
internal sealed class HeadlessCircuit : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly HttpClient _http;
    private string? _circuitId;
    private readonly TaskCompletionSource _live = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<long, TaskCompletionSource<long>> _slots = [];
    private int _batches;
    private string? _error;

    private HeadlessCircuit(HubConnection connection, HttpClient http)
    {
        _connection = connection;
        _http = http;
    }

    /// <summary>Render batches received so far (the first ones are the interactive render of the page).</summary>
    public int Batches => Volatile.Read(ref _batches);

    /// <summary>
    /// Opens /dashboard as the cookie's user and returns once the circuit has rendered the page interactively.
    /// </summary>
    public static async Task<HeadlessCircuit> OpenAsync(HttpClient http, Uri baseUri, (string Name, string Value) cookie, CancellationToken cancel)
    {
        string header = $"{cookie.Name}={cookie.Value}";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        request.Headers.Add("Cookie", header);
        using HttpResponseMessage response = await http.SendAsync(request, cancel);
        response.EnsureSuccessStatusCode();
        PrerenderedPage page = PrerenderedPage.Parse(await response.Content.ReadAsStringAsync(cancel));
        if (page.ServerMarkers.Count == 0)
        {
            throw new InvalidOperationException("GET /dashboard has no interactive server component marker");
        }

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), o =>
            {
                o.Headers["Cookie"] = header;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPack(new MessagePackHubProtocol()));
        HubConnection connection = builder.Build();
        // Generous against a busy machine: a missed ping must not end the circuit mid-run.
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        var circuit = new HeadlessCircuit(connection, http);
        connection.On<long, byte[]>("JS.RenderBatch", circuit.OnRenderBatch);
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            circuit.OnBeginInvokeJS, circuit);
        connection.On<string>("JS.Error", error => circuit.Fail($"the server reported: {error}"));
        connection.Closed += e =>
        {
            circuit.Fail($"the connection closed: {e?.Message ?? "no error"}");
            return Task.CompletedTask;
        };

        await connection.StartAsync(cancel);
        circuit._circuitId = await connection.InvokeAsync<string?>("StartCircuit",
            baseUri.ToString(), new Uri(baseUri, "dashboard").ToString(), "[]", page.ServerState, cancel);
        if (circuit._circuitId is null)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException("StartCircuit was refused");
        }
        // The first UpdateRootComponents carries the page's persisted state, as blazor.web.js does.
        await connection.SendAsync("UpdateRootComponents", page.AddOperations(), page.ServerState, cancel);
        await circuit._live.Task.WaitAsync(TimeSpan.FromMinutes(2), cancel);
        return circuit;
    }

    /// <summary>
    /// When (Unix ms, this machine's clock) a render batch first carried the label for <paramref name="slot"/>.
    /// </summary>
    public Task<long> WhenSlotShownAsync(long slot)
    {
        lock (_slots)
        {
            return Waiter(slot).Task;
        }
    }

    /// <summary>
    /// Closes the connection and, as blazor.web.js does when the page goes away, asks the server to dispose the circuit
    /// at once (POST _blazor/disconnect) rather than keep it for a reconnection.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        if (_circuitId is not null)
        {
            using var form = new MultipartFormDataContent { { new StringContent(_circuitId), "circuitId" } };
            using HttpResponseMessage response = await _http.PostAsync(new Uri("_blazor/disconnect", UriKind.Relative), form);
            response.EnsureSuccessStatusCode();
        }
    }

    private Task OnRenderBatch(long batchId, byte[] batch)
    {
        long at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Interlocked.Increment(ref _batches);
        // Acknowledge first, as the browser does after applying the batch: the server sends the next batch only then.
        Task ack = _connection.SendAsync("OnRenderCompleted", batchId, null);
        if (batch.AsSpan().IndexOf(RenderBatchText.LiveHint) >= 0)
        {
            _live.TrySetResult();
        }
        foreach (long slot in RenderBatchText.SlotLabels(batch))
        {
            lock (_slots)
            {
                Waiter(slot).TrySetResult(at);
            }
        }
        return ack;
    }

    private Task OnBeginInvokeJS(object?[] args, object state)
    {
        long asyncHandle = (long)args[0]!;
        string identifier = (string)args[1]!;
        // Handle 0: the server does not wait for a result.
        return asyncHandle == 0 ? Task.CompletedTask
            : _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, JsonSerializer.Serialize(new object?[] { asyncHandle, true, InteropResult(identifier) }));
    }

    /// <summary>
    /// What the browser would return for the dashboard's JS calls: Radzen's chart asks for its element's size (a desktop
    /// width and the chart's 260 px height); everything else the page calls (Blazor's own set-up calls) returns nothing.
    /// </summary>
    private static object? InteropResult(string identifier) =>
        identifier == "Radzen.createChart" ? new { width = 800, height = 260 } : null;

    /// <summary>The slot's waiter, created on first use by either side; call under the lock.</summary>
    private TaskCompletionSource<long> Waiter(long slot)
    {
        if (!_slots.TryGetValue(slot, out TaskCompletionSource<long>? waiter))
        {
            waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_error is not null)
            {
                waiter.SetException(new InvalidOperationException(_error));
            }
            _slots[slot] = waiter;
        }
        return waiter;
    }

    private void Fail(string reason)
    {
        _live.TrySetException(new InvalidOperationException(reason));
        lock (_slots)
        {
            _error ??= reason;
            foreach (TaskCompletionSource<long> waiter in _slots.Values)
            {
                waiter.TrySetException(new InvalidOperationException(reason));
            }
        }
    }

    /// <summary>Blazor's hub accepts only the protocol named "blazorpack": SignalR's MessagePack format under that name.</summary>
    private sealed class BlazorPack(IHubProtocol inner) : IHubProtocol
    {
        public string Name => "blazorpack";

        public int Version => inner.Version;

        public TransferFormat TransferFormat => inner.TransferFormat;

        public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
            inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);
    }
}
