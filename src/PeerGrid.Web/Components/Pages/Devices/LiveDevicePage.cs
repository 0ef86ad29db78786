using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Platform;
using PeerGrid.Web.Clock;

namespace PeerGrid.Web.Components.Pages.Devices;

/// <summary>
/// A device page that follows the market clock: it subscribes to <see cref="SlotEvents"/> before its first read (so no
/// slot is missed in between) and reloads for every settled slot of its community, as the dashboard does. Each read or
/// change opens its own DI scope: the circuit lives long, a DbContext must not.
/// </summary>
public abstract class LiveDevicePage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private SlotEvents.Subscription? _subscription;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private SlotEvents Events { get; set; } = default!;

    [Inject]
    private ILogger<LiveDevicePage> Log { get; set; } = default!;

    protected ClaimsPrincipal User { get; private set; } = new();

    /// <summary>The community whose slots refresh the page; null until the first load found a household.</summary>
    protected long? CommunityId { get; set; }

    /// <summary>Set when a live refresh failed: the page shows it in role="alert".</summary>
    protected string? LiveError { get; private set; }

    protected CancellationToken Stopping => _stop.Token;

    /// <summary>What the last change did, for role="status".</summary>
    protected string? Message { get; set; }

    /// <summary>Why the last change failed, for role="alert".</summary>
    protected string? Failure { get; private set; }

    /// <summary>True while a change runs: the page disables its buttons.</summary>
    protected bool Busy { get; private set; }

    /// <summary>Reads everything the page shows for <see cref="User"/>'s household (sets <see cref="CommunityId"/>).</summary>
    protected abstract Task LoadAsync(CancellationToken cancel);

    protected override async Task OnInitializedAsync()
    {
        User = (await AuthenticationState).User;
        if (RendererInfo.IsInteractive)
        {
            _subscription = Events.Subscribe();
            _ = ListenAsync(_subscription, _stop.Token);
        }
        await LoadAsync(_stop.Token);
    }

    protected async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        using IServiceScope scope = Scopes.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    /// <summary>Runs a change, then reloads; a failure is logged and shown as a message instead of ending the page.</summary>
    protected async Task RunChangeAsync(Func<Task> change)
    {
        Busy = true;
        Message = null;
        Failure = null;
        try
        {
            await change();
            await LoadAsync(Stopping);
        }
#pragma warning disable CA1031 // Any failure is shown as a message; details go to the log, not the page.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.LogError(e, "a device change failed");
            Failure = "Something went wrong: reload the page to see your devices as they are, then try again.";
        }
        finally
        {
            Busy = false;
        }
    }

    private async Task ListenAsync(SlotEvents.Subscription subscription, CancellationToken cancel)
    {
        try
        {
            await foreach (SettledSlot slot in subscription.ReadAllAsync(cancel))
            {
                if (CommunityId is { } community && slot.CommunityId != community)
                {
                    continue;
                }
                await InvokeAsync(async () =>
                {
                    await LoadAsync(cancel);
                    LiveError = null;
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The page was closed.
        }
#pragma warning disable CA1031 // A failed refresh must not end the circuit: show it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.LogError(e, "a device page's live refresh failed");
            await InvokeAsync(() =>
            {
                LiveError = "Live updates stopped: reload the page to resume.";
                StateHasChanged();
            });
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _subscription?.Dispose();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
