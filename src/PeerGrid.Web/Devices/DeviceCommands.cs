using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Web.Http;
using PeerGrid.Web.Seed;

namespace PeerGrid.Web.Devices;

/// <summary>
/// Adding, replacing and removing a household's device: the REST API (DevicesApi) and the device pages both come here.
/// A device is one object in the scenario file's format, validated by the scenario readers; nothing is written when it
/// is refused. Scoped to the user's household; every change bumps the community's ConfigVersion in the same
/// transaction, so the clock simulates it from the next slot.
/// </summary>
internal static class DeviceCommands
{
    /// <summary>At most this many devices of each kind per household.</summary>
    public const int MaxPerKind = 50;

    public static readonly DeviceKind<ApplianceRecord> Appliances = new("appliances", "appliance", db => db.Appliances, (e, errors) =>
        DeviceJson.ReadAppliance(e, "", errors) is { } a ? new ParsedDevice(a.Name, a.IsOn, DeviceJson.Write(a), null) : null);

    public static readonly DeviceKind<GeneratorRecord> Generators = new("generators", "generator", db => db.Generators, (e, errors) =>
        DeviceJson.ReadGenerator(e, "", errors) is { } g ? new ParsedDevice(g.Name, g.IsOn, DeviceJson.Write(g), DemoSeeder.TypeOf(g)) : null);

    public static readonly DeviceKind<BatteryRecord> Batteries = new("batteries", "battery", db => db.Batteries, (e, errors) =>
        DeviceJson.ReadBattery(e, "", errors) is { } b ? new ParsedDevice(b.Name, b.IsOn, DeviceJson.Write(b), null) : null);

    /// <summary>Adds a device; NotFound when the user owns no household.</summary>
    public static async Task<DeviceOutcome<T>> CreateAsync<T>(PlatformDbContext db, ClaimsPrincipal user, DeviceKind<T> kind, JsonElement body, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        (ParsedDevice? parsed, ValidationErrors? errors) = Read(kind, body, routeId: null);
        if (errors is not null)
        {
            return DeviceOutcome<T>.Refused(errors);
        }
        HouseholdRecord? household = await CurrentUser.HouseholdAsync(db, user, cancel);
        if (household is null)
        {
            return DeviceOutcome<T>.NotFound;
        }
        int count = await kind.Set(db).CountAsync(d => d.HouseholdId == household.Id, cancel);
        if (count >= MaxPerKind)
        {
            var full = new ValidationErrors();
            full.Add("(body)", $"your household already has {count} {kind.Route}, the most allowed is {MaxPerKind}",
                $"delete a {kind.Singular} you no longer use before adding another");
            return DeviceOutcome<T>.Refused(full);
        }
        var device = new T { HouseholdId = household.Id };
        Apply(device, parsed!);
        kind.Set(db).Add(device);
        await ConfigChanges.SaveAsync(db, household.CommunityId, cancel);
        return DeviceOutcome<T>.Done(device);
    }

    /// <summary>Replaces a device's whole spec; NotFound when the user has no device with this id (someone else's included).</summary>
    public static async Task<DeviceOutcome<T>> UpdateAsync<T>(PlatformDbContext db, ClaimsPrincipal user, DeviceKind<T> kind, long id, JsonElement body, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        (ParsedDevice? parsed, ValidationErrors? errors) = Read(kind, body, id);
        if (errors is not null)
        {
            return DeviceOutcome<T>.Refused(errors);
        }
        (HouseholdRecord? household, T? device) = await FindAsync(db, user, kind, id, cancel);
        if (household is null || device is null)
        {
            return DeviceOutcome<T>.NotFound;
        }
        Apply(device, parsed!);
        await ConfigChanges.SaveAsync(db, household.CommunityId, cancel);
        return DeviceOutcome<T>.Done(device);
    }

    /// <summary>Removes a device; false when the user has no device with this id.</summary>
    public static async Task<bool> DeleteAsync<T>(PlatformDbContext db, ClaimsPrincipal user, DeviceKind<T> kind, long id, CancellationToken cancel)
        where T : DeviceRecord, new()
    {
        (HouseholdRecord? household, T? device) = await FindAsync(db, user, kind, id, cancel);
        if (household is null || device is null)
        {
            return false;
        }
        kind.Set(db).Remove(device);
        await ConfigChanges.SaveAsync(db, household.CommunityId, cancel);
        return true;
    }

    /// <summary>The reader's errors for a device body, or null when it is valid; reads no database (forms check before they submit).</summary>
    public static ValidationErrors? Check<T>(DeviceKind<T> kind, JsonElement body)
        where T : DeviceRecord => Read(kind, body, routeId: null).Errors;

    private static async Task<(HouseholdRecord? Household, T? Device)> FindAsync<T>(PlatformDbContext db, ClaimsPrincipal user, DeviceKind<T> kind, long id, CancellationToken cancel)
        where T : DeviceRecord
    {
        HouseholdRecord? household = await CurrentUser.HouseholdAsync(db, user, cancel);
        if (household is null)
        {
            return (null, null);
        }
        T? device = await kind.Set(db).SingleOrDefaultAsync(d => d.Id == id && d.HouseholdId == household.Id, cancel);
        return (household, device);
    }

    /// <summary>
    /// Reads and validates a device body. An "id" is accepted on an update when it repeats the device's id (so a GET
    /// answer can be sent back as is) and refused otherwise; ownership fields are unknown properties and refused by the reader.
    /// </summary>
    private static (ParsedDevice? Device, ValidationErrors? Errors) Read<T>(DeviceKind<T> kind, JsonElement e, long? routeId)
        where T : DeviceRecord
    {
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
                errors.Add("id", "the id is chosen by the server", routeId is null ? "remove \"id\" from the body" : $"remove \"id\" or give this {kind.Singular}'s id {routeId}");
                return (null, errors);
            }
        }
        ParsedDevice? parsed = kind.Read(e, errors);
        if (parsed is not null)
        {
            Fields.CheckName("name", parsed.Name, errors);
        }
        return errors.IsEmpty ? (parsed, null) : (null, errors);
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
}

/// <summary>A device kind: its route and singular name for messages, its table, and its scenario reader.</summary>
internal sealed record DeviceKind<T>(string Route, string Singular, Func<PlatformDbContext, DbSet<T>> Set, Func<JsonElement, ValidationErrors, ParsedDevice?> Read)
    where T : DeviceRecord;

/// <summary>A validated device: its columns and its spec in the scenario format.</summary>
internal sealed record ParsedDevice(string Name, bool IsOn, string SpecJson, string? GeneratorType);

/// <summary>What a change did: the device written, the errors that refused it (nothing written), or neither (not found).</summary>
internal sealed record DeviceOutcome<T>(T? Device, ValidationErrors? Errors)
    where T : DeviceRecord
{
    public static DeviceOutcome<T> NotFound { get; } = new(null, null);

    public static DeviceOutcome<T> Done(T device) => new(device, null);

    public static DeviceOutcome<T> Refused(ValidationErrors errors) => new(null, errors);
}
