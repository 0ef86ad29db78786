using PeerGrid.Domain;
using PeerGrid.Simulation.Physics;

namespace PeerGrid.Simulation.Tests.Physics;

public class ClimatePresetsTests
{
    [Fact]
    public void Names_IncludeTheReferenceLocationsAndMore()
    {
        Assert.Superset(new HashSet<string> { "berlin", "lagos", "faisalabad", "london", "rome", "madrid", "amsterdam" }, ClimatePresets.Names.ToHashSet());
    }

    [Theory]
    [InlineData("Berlin")]
    [InlineData("BERLIN")]
    [InlineData(" berlin ")]
    public void TryGet_IgnoresCaseAndSurroundingSpace(string name)
    {
        Assert.True(ClimatePresets.TryGet(name, out Location? location));
        Assert.Equal("Berlin", location.Name);
    }

    [Fact]
    public void TryGet_UnknownName_ReturnsFalse()
    {
        Assert.False(ClimatePresets.TryGet("atlantis", out Location? location));
        Assert.Null(location);
    }

    [Fact]
    public void EveryPreset_PassesValidation()
    {
        foreach (string name in ClimatePresets.Names)
        {
            Assert.True(ClimatePresets.TryGet(name, out Location? location));
            var errors = new ValidationErrors();
            location.Validate(name, errors);
            Assert.True(errors.IsEmpty, string.Join("; ", errors.All));
        }
    }

    [Fact]
    public void TryGet_ReturnsAFreshInstanceEachTime()
    {
        ClimatePresets.TryGet("lagos", out Location? first);
        ClimatePresets.TryGet("lagos", out Location? second);

        Assert.NotSame(first, second);
        Assert.NotSame(first!.Climate.ClearnessIndex, second!.Climate.ClearnessIndex);
    }
}
