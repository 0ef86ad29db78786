using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Devices;

/// <summary>
/// My appliances, generators and batteries over HTTP; the changes themselves are <see cref="DeviceCommands"/>, which
/// the device pages call too. Bodies are one device in the scenario file's format (an appliance may be
/// {"template": "fridge", …overrides}); answers are that format with the device's "id". Every change bumps the
/// community's ConfigVersion in the same transaction, so the clock simulates it from the next slot.
/// Switching: POST /api/me/{kind}/{id}/switch with {"isOn": true|false}.
/// </summary>
internal static class DevicesApi
{
    public static void MapDevicesApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder me = app.MapGroup("/api/me").RequireAuthorization(PlatformSetup.ProsumerPolicy);
        Map(me, DeviceCommands.Appliances);
        Map(me, DeviceCommands.Generators);
        Map(me, DeviceCommands.Batteries);

        app.MapGet("/api/templates/appliances", ListTemplates).WithTags("Devices").RequireAuthorization()
            .Produces<ApplianceTemplateView[]>().WithSummary("The built-in appliance templates ({\"template\": name} in an appliance body).");
    }

    private static void Map<T>(RouteGroupBuilder me, DeviceKind<T> kind)
        where T : DeviceRecord, new()
    {
        RouteGroupBuilder g = me.MapGroup("/" + kind.Route).WithTags("Devices");
        g.MapGet("", (HttpContext c, PlatformDbContext db, CancellationToken ct) => ListAsync(kind, c, db, ct))
            .Produces<JsonObject[]>().WithSummary($"My {kind.Route}.");
        g.MapPost("", (HttpRequest r, PlatformDbContext db, CancellationToken ct) => CreateAsync(kind, r, db, ct))
            .Accepts<JsonObject>("application/json").Produces<JsonObject>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary($"Add a {kind.Singular} (scenario format).");
        g.MapGet("/{id:long}", (long id, HttpContext c, PlatformDbContext db, CancellationToken ct) => GetAsync(kind, id, c, db, ct))
            .Produces<JsonObject>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary($"One of my {kind.Route}.");
        g.MapPut("/{id:long}", (long id, HttpRequest r, PlatformDbContext db, CancellationToken ct) => UpdateAsync(kind, id, r, db, ct))
            .Accepts<JsonObject>("application/json").Produces<JsonObject>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary($"Replace a {kind.Singular}'s whole spec.");
        g.MapDelete("/{id:long}", (long id, HttpContext c, PlatformDbContext db, CancellationToken ct) => DeleteAsync(kind, id, c, db, ct))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).WithSummary($"Remove a {kind.Singular}.");
        g.MapPost("/{id:long}/switch", (long id, HttpRequest r, PlatformDbContext db, CancellationToken ct) => SwitchAsync(kind, id, r, db, ct))
            .Accepts<SwitchRequest>("application/json").Produces<JsonObject>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary($"Switch a {kind.Singular} on or off from the next slot.");
    }

    private static async Task<IResult> ListAsync<T>(DeviceKind<T> kind, HttpContext context, PlatformDbContext db, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        long? householdId = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        List<T> devices = householdId is null ? []
            : await kind.Set(db).AsNoTracking().Where(d => d.HouseholdId == householdId).OrderBy(d => d.Id).ToListAsync(cancel);
        return Results.Ok(devices.Select(View).ToList());
    }

    private static async Task<IResult> GetAsync<T>(DeviceKind<T> kind, long id, HttpContext context, PlatformDbContext db, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        long? householdId = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        T? device = await kind.Set(db).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.HouseholdId == householdId, cancel);
        return device is null ? Problems.NotFound(kind.Singular) : Results.Ok(View(device));
    }

    private static async Task<IResult> CreateAsync<T>(DeviceKind<T> kind, HttpRequest request, PlatformDbContext db, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        DeviceOutcome<T> outcome = await DeviceCommands.CreateAsync(db, request.HttpContext.User, kind, body!.Value, cancel);
        return outcome switch
        {
            { Errors: { } errors } => Problems.Validation(errors),
            { Device: { } device } => Results.Created($"/api/me/{kind.Route}/{device.Id}", View(device)),
            _ => Problems.NotFound("household"),
        };
    }

    private static async Task<IResult> UpdateAsync<T>(DeviceKind<T> kind, long id, HttpRequest request, PlatformDbContext db, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        DeviceOutcome<T> outcome = await DeviceCommands.UpdateAsync(db, request.HttpContext.User, kind, id, body!.Value, cancel);
        return outcome switch
        {
            { Errors: { } errors } => Problems.Validation(errors),
            { Device: { } device } => Results.Ok(View(device)),
            _ => Problems.NotFound(kind.Singular),
        };
    }

    private static async Task<IResult> DeleteAsync<T>(DeviceKind<T> kind, long id, HttpContext context, PlatformDbContext db, CancellationToken cancel)
        where T : DeviceRecord, new() =>
        await DeviceCommands.DeleteAsync(db, context.User, kind, id, cancel) ? Results.NoContent() : Problems.NotFound(kind.Singular);

    private static async Task<IResult> SwitchAsync<T>(DeviceKind<T> kind, long id, HttpRequest request, PlatformDbContext db, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        var errors = new ValidationErrors();
        ObjectReader? r = ObjectReader.Open(body!.Value, "", errors, "a switch");
        bool? isOn = r is null ? null : Fields.RequiredBool(r, "isOn", "false");
        r?.Finish();
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }
        T? device = await DeviceSwitch.SetAsync(db, request.HttpContext.User, kind.Set, id, isOn!.Value, cancel);
        return device is null ? Problems.NotFound(kind.Singular) : Results.Ok(View(device));
    }

    private static IResult ListTemplates() =>
        Results.Ok(ApplianceTemplates.Names
            .Select(n => new ApplianceTemplateView(n, CommunityScenario.Element(DeviceJson.Write(ApplianceTemplates.Get(n)))))
            .ToList());

    /// <summary>The device's spec with its id first.</summary>
    public static JsonObject View(DeviceRecord device)
    {
        var view = new JsonObject { ["id"] = device.Id };
        foreach ((string key, JsonNode? value) in CommunityScenario.DeviceJson(device).ToList())
        {
            view[key] = value?.DeepClone();
        }
        return view;
    }
}

/// <summary>The switch body: on or off from the next slot.</summary>
internal sealed record SwitchRequest(bool IsOn);

/// <summary>A template: its name (for {"template": name}) and the appliance it stands for, in the scenario format.</summary>
internal sealed record ApplianceTemplateView(string Name, JsonElement Spec);
