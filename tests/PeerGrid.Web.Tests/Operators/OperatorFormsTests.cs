using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components.Forms;
using PeerGrid.Domain;
using PeerGrid.Web.Components.Pages.Operator;

namespace PeerGrid.Web.Tests.Operators;

/// <summary>The Market settings page's forms: what they send, and where the server's errors land.</summary>
public sealed class OperatorFormsTests
{
    [Fact]
    public void TheTariffForm_SendsBackWhatItRead_PeriodsIncluded()
    {
        JsonObject stored = JsonNode.Parse("""{"import":{"price":0.32,"periods":[{"days":"weekday","from":"17:00","to":"20:00","price":0.42}]},"export":0.08}""")!.AsObject();
        TariffInput input = TariffInput.From(stored);
        JsonObject? sent = input.ToJson(new FormMessages(new EditContext(input)));
        Assert.True(JsonNode.DeepEquals(stored, sent), sent?.ToJsonString());
    }

    [Fact]
    public void TheMarketForm_KeepsWhatItDoesNotShow_AndWritesExactDecimals()
    {
        JsonObject stored = JsonNode.Parse("""{"mechanism":"pay-as-clear","strategy":"ramp","rounds":10,"hierarchy":{"cells":[{"id":"c1"}],"fees":{"cell":{"percent":2}}}}""")!.AsObject();
        MarketInput input = MarketInput.From(stored);
        Assert.Equal(LevelFeeInput.Percent, input.Fees["cell"].Kind);
        input.Mechanism = "pay-as-bid";
        input.PlatformFeePerKwh = "0.000001";
        input.Fees["cell"].Kind = LevelFeeInput.None;
        input.Fees["region"].Kind = LevelFeeInput.PerKwh;
        input.Fees["region"].Value = "0.02";
        var form = new EditContext(input);
        JsonObject sent = input.ToJson(stored, form, new FormMessages(form))!;
        Assert.Equal("""{"mechanism":"pay-as-bid","strategy":"ramp","rounds":10,"hierarchy":{"cells":[{"id":"c1"}],"fees":{"region":{"perKwh":0.02}}},"pricing":"equilibrium-interval","k":0.5,"platformFeePerKwh":0.000001}""", sent.ToJsonString());
    }

    [Fact]
    public void TextThatIsNoNumber_IsReportedAtItsInput_AndNothingIsSent()
    {
        MarketInput input = MarketInput.From(JsonNode.Parse("""{"mechanism":"pay-as-clear"}""")!.AsObject());
        input.K = "half";
        var form = new EditContext(input);
        Assert.Null(input.ToJson([], form, new FormMessages(form)));
        Assert.Equal(["'half' is not a number — give k from 0 to 1, e.g. 0.5."], form.GetValidationMessages(form.Field(nameof(MarketInput.K))));
    }

    [Fact]
    public void ServerErrors_LandAtTheInputOfTheirPath_OrAreReturnedForTheAlert()
    {
        TariffInput input = TariffInput.From(JsonNode.Parse("""{"import":{"price":0.3,"periods":[{"from":"17:00","to":"20:00","price":0.4}]},"export":0.05}""")!.AsObject());
        var form = new EditContext(input);
        var messages = new FormMessages(form);
        Assert.NotNull(input.ToJson(messages));
        var errors = new ValidationErrors();
        errors.Add("import.periods[0].price", "99 per kWh is outside -10 … 10", "give a price per kWh");
        errors.Add("export", "the export price 0.5 exceeds the import price 0.3", "keep it at or below the import price");
        errors.Add("(body)", "is not an object", "send an object");

        List<string> unplaced = messages.Show(errors.All);

        Assert.Equal(["99 per kWh is outside -10 … 10 — give a price per kWh."], form.GetValidationMessages(new FieldIdentifier(input.Import.Periods[0], nameof(PeriodInput.Price))));
        Assert.Single(form.GetValidationMessages(new FieldIdentifier(input.Export, nameof(PriceInput.Price))));
        Assert.Equal(["(body): Is not an object — send an object."], unplaced);
    }
}
