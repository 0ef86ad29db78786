using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PeerGrid.Application.Clearing;

/// <summary>
/// Writes a <see cref="ClearResponse"/> as JSON in the shape docs/clearing-service.md documents. Written field by field
/// with <see cref="Utf8JsonWriter"/> (no reflection), so the order of fields and the optional ones (<c>sellerPrice</c>,
/// <c>selfNettings</c>) are exactly as documented, and decimals print as they are: 0.2, never 0.20000000000000001.
/// </summary>
public static class ClearingJson
{
    public static string Write(ClearResponse response, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions
        {
            Indented = indented,
            NewLine = "\n",
            // The output goes to files and other programs, not into HTML: participant names print as written.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            switch (response)
            {
                case AuctionResponse a:
                    Auction(w, a);
                    break;
                case SlotSharingResponse s:
                    SlotSharing(w, s);
                    break;
                case BillSharingResponse b:
                    BillSharing(w, b);
                    break;
                default:
                    throw new ArgumentException($"Unknown response type {response.GetType().Name}.", nameof(response));
            }
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Auction(Utf8JsonWriter w, AuctionResponse r)
    {
        w.WriteStartObject();
        w.WriteString("mechanism", r.Mechanism);
        if (r.ClearingPrice is { } price)
        {
            w.WriteNumber("clearingPrice", price);
        }
        else
        {
            w.WriteNull("clearingPrice");
        }
        w.WriteStartArray("trades");
        foreach (TradeLine t in r.Trades)
        {
            w.WriteStartObject();
            w.WriteString("bidId", t.BidId);
            w.WriteString("offerId", t.OfferId);
            w.WriteString("buyer", t.Buyer);
            w.WriteString("seller", t.Seller);
            w.WriteNumber("energyKwh", t.EnergyKwh);
            w.WriteNumber("price", t.Price);
            if (t.SellerPrice is { } sellerPrice)
            {
                w.WriteNumber("sellerPrice", sellerPrice);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Unmatched(w, "unmatchedBids", r.UnmatchedBids);
        Unmatched(w, "unmatchedOffers", r.UnmatchedOffers);
        if (r.SelfNettings.Count > 0)
        {
            w.WriteStartArray("selfNettings");
            foreach (SelfNettingLine n in r.SelfNettings)
            {
                w.WriteStartObject();
                w.WriteString("bidId", n.BidId);
                w.WriteString("offerId", n.OfferId);
                w.WriteString("participant", n.Participant);
                w.WriteNumber("energyKwh", n.EnergyKwh);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Unmatched(Utf8JsonWriter w, string name, IReadOnlyList<UnmatchedOrder> orders)
    {
        w.WriteStartArray(name);
        foreach (UnmatchedOrder o in orders)
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteNumber("remainingKwh", o.RemainingKwh);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void SlotSharing(Utf8JsonWriter w, SlotSharingResponse r)
    {
        w.WriteStartObject();
        w.WriteString("mechanism", r.Mechanism);
        w.WriteStartArray("slots");
        foreach (SharingSlotLine slot in r.Slots)
        {
            w.WriteStartObject();
            w.WriteNumber("buyPrice", slot.BuyPrice);
            w.WriteNumber("sellPrice", slot.SellPrice);
            Participants(w, slot.Participants);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void BillSharing(Utf8JsonWriter w, BillSharingResponse r)
    {
        w.WriteStartObject();
        w.WriteString("mechanism", r.Mechanism);
        w.WriteNumber("importPrice", r.ImportPrice);
        w.WriteNumber("exportPrice", r.ExportPrice);
        Participants(w, r.Participants);
        w.WriteEndObject();
    }

    private static void Participants(Utf8JsonWriter w, IReadOnlyList<ParticipantLine> participants)
    {
        w.WriteStartArray("participants");
        foreach (ParticipantLine p in participants)
        {
            w.WriteStartObject();
            w.WriteString("participant", p.Participant);
            w.WriteNumber("importKwh", p.ImportKwh);
            w.WriteNumber("exportKwh", p.ExportKwh);
            w.WriteNumber("cost", p.Cost);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
