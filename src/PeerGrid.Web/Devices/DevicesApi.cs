using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;
using PeerGrid.Web.Seed;

namespace PeerGrid.Web.Devices;

/// <summary>
/// My appliances, generators and batteries. Bodies are one device in the scenario file's format (an appliance may be
/// {"template": "fridge", …overrides}); answers are that format with the device's "id". Every change bumps the
/// community's ConfigVersion in the same transaction, so the clock simulates it from the next slot.
/// Switching: POST /api/me/{kind}/{id}/switch with {"isOn": true|false}.
/// </summary>
internal static class DevicesApi
{
    /// <summary>At most this many devices of each kind per household.</summary>
    public const int MaxPerKind = 50;

    public static void MapDevicesApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder me = app.MapGroup("/api/me").RequireAuthorization(PlatformSetup.ProsumerPolicy);
        Map(me, Appliances);
        Map(me, Generators);
        Map(me, Batteries);

        app.MapGet("/api/templates/appliances", ListTemplates).WithTags("Devices").RequireAuthorization()
            .Produces<ApplianceTemplateView[]>().WithSummary("The built-in appliance templates ({\"template\": name} in an appliance body).");
    }

    private static readonly DeviceKind<ApplianceRecord> Appliances = new("appliances", "appliance", db => db.Appliances, (e, errors) =>
        DeviceJson.ReadAppliance(e, "", errors) is { } a ? new ParsedDevice(a.Name, a.IsOn, DeviceJson.Write(a), null) : null);

    private static readonly DeviceKind<GeneratorRecord> Generators = new("generators", "generator", db => db.Generators, (e, errors) =>
        DeviceJson.ReadGenerator(e, "", errors) is { } g ? new ParsedDevice(g.Name, g.IsOn, DeviceJson.Write(g), DemoSeeder.TypeOf(g)) : null);

    private static readonly DeviceKind<BatteryRecord> Batteries = new("batteries", "battery", db => db.Batteries, (e, errors) =>
        DeviceJson.ReadBattery(e, "", errors) is { } b ? new ParsedDevice(b.Name, b.IsOn, DeviceJson.Write(b), null) : null);

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
        (ParsedDevice? parsed, IResult? bad) = await ReadAsync(kind, request, routeId: null, cancel);
        if (bad is not null)
        {
            return bad;
        }
        HouseholdRecord? household = await CurrentUser.HouseholdAsync(db, request.HttpContext.User, cancel);
        if (household is null)
        {
            return Problems.NotFound("household");
        }
        int count = await kind.Set(db).CountAsync(d => d.HouseholdId == household.Id, cancel);
        if (count >= MaxPerKind)
        {
            return Problems.Validation("(body)", $"your household already has {count} {kind.Route}, the most allowed is {MaxPerKind}",
                $"delete a {kind.Singular} you no longer use before adding another");
        }
        var device = new T { HouseholdId = household.Id };
        Apply(device, parsed!);
        kind.Set(db).Add(device);
        await ConfigChanges.SaveAsync(db, household.CommunityId, cancel);
        return Results.Created($"/api/me/{kind.Route}/{device.Id}", View(device));
    }

    private static async Task<IResult> UpdateAsync<T>(DeviceKind<T> kind, long id, HttpRequest request, PlatformDbContext db, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        (ParsedDevice? parsed, IResult? bad) = await ReadAsync(kind, request, id, cancel);
        if (bad is not null)
        {
            return bad;
        }
        (HouseholdRecord? household, T? device) = await FindAsync(kind, id, request.HttpContext, db, cancel);
        if (household is null || device is null)
        {
            return Problems.NotFound(kind.Singular);
        }
        Apply(device, parsed!);
        await ConfigChanges.SaveAsync(db, household.CommunityId, cancel);
        return Results.Ok(View(device));
    }

    private static async Task<IResult> DeleteAsync<T>(DeviceKind<T> kind, long id, HttpContext context, PlatformDbContext db, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        (HouseholdRecord? household, T? device) = await FindAsync(kind, id, context, db, cancel);
        if (household is null || device is null)
        {
            return Problems.NotFound(kind.Singular);
        }
        kind.Set(db).Remove(device);
        await ConfigChanges.SaveAsync(db, household.CommunityId, cancel);
        return Results.NoContent();
    }

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

    private static async Task<(HouseholdRecord? Household, T? Device)> FindAsync<T>(DeviceKind<T> kind, long id, HttpContext context, PlatformDbContext db, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        HouseholdRecord? household = await CurrentUser.HouseholdAsync(db, context.User, cancel);
        if (household is null)
        {
            return (null, null);
        }
        T? device = await kind.Set(db).SingleOrDefaultAsync(d => d.Id == id && d.HouseholdId == household.Id, cancel);
        return (household, device);
    }

    /// <summary>
    /// Reads and validates a device body. An "id" is accepted on PUT when it repeats the route's id (so a GET answer can
    /// be sent back as is) and refused otherwise; ownership fields are unknown properties and refused by the reader.
    /// </summary>
    private static async Task<(ParsedDevice? Device, IResult? Problem)> ReadAsync<T>(DeviceKind<T> kind, HttpRequest request, long? routeId, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return (null, bad);
        }
        JsonElement e = body!.Value;
        var errors = new ValidationErrors();
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out JsonElement idValue))
        {
            if (routeId is { } rid && idValue.ValueKind == JsonValueKind.Number && idValue.TryGetInt64(out long given) && given == rid)
            {
                JsonObject copy = JsonNode.Parse(e.GetRawText())!.AsObject();
                copy.Remove("id");
                e = CommunityScenario.Element(copy.ToJsonString());
            }
            else
            {
                return (null, Problems.Validation("id", "the id is chosen by the server", routeId is null ? "remove \"id\" from the body" : $"remove \"id\" or give this {kind.Singular}'s id {routeId}"));
            }
        }
        ParsedDevice? parsed = kind.Read(e, errors);
        if (parsed is not null)
        {
            Fields.CheckName("name", parsed.Name, errors);
        }
        return JsonBody.ProblemFor(errors) is { } problem ? (null, problem) : (parsed, null);
    }

    private static void Apply(DeviceRecord device, ParsedDevice parsed)
    {
        device.Name = parsed.Name;
        device.IsOn = parsed.IsOn;
        device.SpecJson = parsed.SpecJson;
        if (device is GeneratorRecord g)
        {
            g.Type = parsed.GeneratorType!;
        }
    }

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

    private sealed record DeviceKind<T>(string Route, string Singular, Func<PlatformDbContext, DbSet<T>> Set, Func<JsonElement, ValidationErrors, ParsedDevice?> Read)
        where T : DeviceRecord;

    private sealed record ParsedDevice(string Name, bool IsOn, string SpecJson, string? GeneratorType);
}

/// <summary>The switch body: on or off from the next slot.</summary>
internal sealed record SwitchRequest(bool IsOn);

/// <summary>A template: its name (for {"template": name}) and the appliance it stands for, in the scenario format.</summary>
internal sealed record ApplianceTemplateView(string Name, JsonElement Spec);
