using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components.Forms;

namespace PeerGrid.Web.Components.Pages.Operator;

/// <summary>The tariff form: the import and export prices, each flat or with time-of-use periods.</summary>
internal sealed class TariffInput
{
    public PriceInput Import { get; private init; } = new();
    public PriceInput Export { get; private init; } = new();

    public static TariffInput From(JsonObject tariff) => new() { Import = PriceInput.From(tariff["import"]), Export = PriceInput.From(tariff["export"]) };

    /// <summary>The new section, or null when a number does not parse (the message is next to its input).</summary>
    public JsonObject? ToJson(FormMessages messages)
    {
        var tariff = new JsonObject();
        bool ok = Import.Write(tariff, "import", messages);
        ok &= Export.Write(tariff, "export", messages);
        return ok ? tariff : null;
    }
}

/// <summary>A price: flat (no periods, written as a number) or a default price with time-of-use periods.</summary>
internal sealed class PriceInput
{
    public string? Price { get; set; }
    public List<PeriodInput> Periods { get; } = [];

    public static PriceInput From(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return new PriceInput { Price = node?.ToJsonString() };
        }
        var input = new PriceInput { Price = o["price"]?.ToJsonString() };
        foreach (JsonNode? p in o["periods"] as JsonArray ?? [])
        {
            input.Periods.Add(new PeriodInput
            {
                Days = p?["days"]?.GetValue<string>() ?? "all",
                From = p?["from"]?.GetValue<string>(),
                To = p?["to"]?.GetValue<string>(),
                Price = p?["price"]?.ToJsonString(),
            });
        }
        return input;
    }

    public bool Write(JsonObject tariff, string name, FormMessages messages)
    {
        var price = new FieldIdentifier(this, nameof(Price));
        const string Fix = "give the price in currency units per kWh, e.g. 0.30";
        messages.Register(name, price);
        if (Periods.Count == 0)
        {
            return MarketInput.SetNumber(tariff, name, Price, price, messages, Fix);
        }
        var o = new JsonObject();
        messages.Register($"{name}.price", price);
        bool ok = MarketInput.SetNumber(o, "price", Price, price, messages, Fix);
        var periods = new JsonArray();
        for (int i = 0; i < Periods.Count; i++)
        {
            PeriodInput p = Periods[i];
            string at = $"{name}.periods[{i}]";
            messages.Register(at, new FieldIdentifier(p, nameof(PeriodInput.From)));
            messages.Register($"{at}.days", new FieldIdentifier(p, nameof(PeriodInput.Days)));
            messages.Register($"{at}.from", new FieldIdentifier(p, nameof(PeriodInput.From)));
            messages.Register($"{at}.to", new FieldIdentifier(p, nameof(PeriodInput.To)));
            messages.Register($"{at}.price", new FieldIdentifier(p, nameof(PeriodInput.Price)));
            var period = new JsonObject { ["days"] = p.Days, ["from"] = p.From?.Trim(), ["to"] = p.To?.Trim() };
            ok &= MarketInput.SetNumber(period, "price", p.Price, new FieldIdentifier(p, nameof(PeriodInput.Price)), messages, Fix);
            periods.Add(period);
        }
        o["periods"] = periods;
        tariff[name] = o;
        return ok;
    }
}

/// <summary>A time-of-use period: day kind, local "hh:mm" from and to, and its price.</summary>
internal sealed class PeriodInput
{
    public static readonly string[] DayKinds = ["all", "weekday", "weekend"];

    public string Days { get; set; } = "all";
    public string? From { get; set; } = "17:00";
    public string? To { get; set; } = "20:00";
    public string? Price { get; set; }
}
