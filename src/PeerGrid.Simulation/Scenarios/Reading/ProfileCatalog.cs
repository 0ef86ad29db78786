using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>The profile ids a scenario may reference: its declarations plus the built-in ones.</summary>
internal sealed class ProfileCatalog(IReadOnlyCollection<string> declared)
{
    public void CheckReference(string id, string path, ObjectReader owner)
    {
        if (declared.Contains(id) || BuiltInProfiles.Ids.Contains(id))
        {
            return;
        }
        string known = declared.Count == 0 ? "none are declared" : $"declared: {Suggestions.List(declared.Order(StringComparer.Ordinal))}";
        IEnumerable<string> candidates = declared.Concat(BuiltInProfiles.Ids);
        owner.Errors.Add(path, $"unknown profile '{id}' ({known})", $"{Suggestions.DidYouMean(id, candidates)}declare it under \"profiles\" or use the built-in \"{BuiltInProfiles.BdewH25}\"");
        owner.Fail();
    }
}
