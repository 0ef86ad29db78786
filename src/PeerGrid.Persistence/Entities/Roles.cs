namespace PeerGrid.Persistence.Entities;

/// <summary>The platform's roles.</summary>
public static class Roles
{
    public const string Prosumer = "prosumer";
    public const string Operator = "operator";

    public static IReadOnlyList<string> All { get; } = [Prosumer, Operator];
}
