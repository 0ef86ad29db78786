namespace PeerGrid.Domain.Households;

/// <summary>
/// A standard load shape scaled to <see cref="AnnualKwh"/>: the part of demand not modelled appliance by
/// appliance. <see cref="ProfileId"/> is "bdew-h25" (built in) or the id of a profile given in the scenario.
/// </summary>
public sealed record BaseLoad(string ProfileId, double AnnualKwh);

/// <summary>
/// A prosumer's household: its devices, preferences and grid connection. Connection limits in kW; null = unlimited.
/// <see cref="Cell"/> names the market cell (feeder) the household trades in first when the market is a hierarchy
/// (docs/markets-hierarchy.md); null = the single implicit cell of a flat market. <see cref="Wallet"/> limits what it
/// can spend (docs/markets.md); null = no wallet, no limit.
/// </summary>
public sealed record Household(
    string Id,
    IReadOnlyList<Appliance> Appliances,
    IReadOnlyList<Generator> Generators,
    IReadOnlyList<Battery> Batteries,
    Preferences Preferences,
    BaseLoad? BaseLoad = null,
    double? MaxImportKw = null,
    double? MaxExportKw = null,
    string? Cell = null,
    Wallet? Wallet = null)
{
    public bool HasGeneration => Generators.Count > 0;

    public void Validate(string path, ValidationErrors errors)
    {
        errors.NotBlank($"{path}.id", Id, "household id");
        for (int i = 0; i < Appliances.Count; i++)
        {
            Appliances[i].Validate($"{path}.appliances[{i}]", errors);
        }
        for (int i = 0; i < Generators.Count; i++)
        {
            Generators[i].Validate($"{path}.generators[{i}]", errors);
        }
        for (int i = 0; i < Batteries.Count; i++)
        {
            Batteries[i].Validate($"{path}.batteries[{i}]", errors);
        }
        Preferences.Validate($"{path}.preferences", errors);
        if (BaseLoad is { } b)
        {
            errors.NotBlank($"{path}.baseLoad.profile", b.ProfileId, "profile name (e.g. \"bdew-h25\")");
            errors.Range($"{path}.baseLoad.annualKwh", b.AnnualKwh, 0, 1_000_000, "kWh per year");
        }
        if (MaxImportKw is { } mi)
        {
            errors.NonNegative($"{path}.maxImportKw", mi, "kW");
        }
        if (MaxExportKw is { } me)
        {
            errors.NonNegative($"{path}.maxExportKw", me, "kW");
        }
        Wallet?.Validate($"{path}.wallet", errors);
        if (Cell is not null)
        {
            errors.NotBlank($"{path}.cell", Cell, "market cell id (one of market.hierarchy.cells)");
        }
    }
}
