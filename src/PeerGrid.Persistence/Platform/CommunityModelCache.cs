using System.Collections.Concurrent;
using PeerGrid.Application.Platform;
using PeerGrid.Application.Scenarios;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Persistence.Entities;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Persistence.Platform;

/// <summary>A community as the live slot runner needs it: settings and each household's validated spec by stored id.</summary>
public sealed record CommunityModel(long ConfigVersion, LiveCommunitySettings Settings, IReadOnlyDictionary<long, Household> Specs);

/// <summary>
/// Builds a community's model from the database through the scenario loader, once per configuration version: a slot
/// with nothing changed since the last one reuses it. A model that does not validate (which the API's validation
/// should make impossible) is an error naming the problems.
/// </summary>
public sealed class CommunityModelCache
{
    private readonly ConcurrentDictionary<long, CommunityModel> _byCommunity = new();

    public CommunityModel Get(CommunityRecord community, IReadOnlyList<StoredHousehold> households)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (_byCommunity.TryGetValue(community.Id, out CommunityModel? cached) && cached.ConfigVersion == community.ConfigVersion
            && cached.Specs.Count == households.Count)
        {
            return cached;
        }
        ScenarioFileResult built = CommunityScenario.Build(community, households, community.EpochDate, 1);
        if (!built.IsValid)
        {
            throw new InvalidDataException($"community {community.Id} does not form a valid scenario: " + string.Join("; ", built.Errors.Select(e => e.ToString())));
        }
        Scenario s = built.Scenario!;
        var settings = new LiveCommunitySettings(
            community.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Seed, community.EpochDate, s.TimeZoneId, s.SlotMinutes, s.Location, s.Tariff,
            s.Mechanism, s.Pricing, s.PricingK, s.PlatformFeePerKwh, s.Currency, s.GridEmissionsKgPerKwh, s.Profiles);
        var specs = s.Households.ToDictionary(h => CommunityScenario.StoredId(h.Id));
        var model = new CommunityModel(community.ConfigVersion, settings, specs);
        _byCommunity[community.Id] = model;
        return model;
    }
}
