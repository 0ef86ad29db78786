using System.Globalization;
using System.Text;

namespace PeerGrid.Benchmarks.Platform;

/// <summary>
/// Text found in a Blazor Server render batch without decoding it: the batch's string table holds every string the
/// diff sets (text nodes, attribute values) as plain UTF-8, so a byte search finds a label the dashboard rendered.
/// </summary>
internal static class RenderBatchText
{
    /// <summary>The text the dashboard shows once it renders interactively.</summary>
    public static ReadOnlySpan<byte> LiveHint => "Live: updates when the market settles a slot."u8;

    private static ReadOnlySpan<byte> SlotPrefix => "Slot "u8;

    /// <summary>" · " after the slot number in the "Last settled slot" label (U+00B7 in UTF-8).</summary>
    private static ReadOnlySpan<byte> SlotSuffix => " \u00b7 "u8;

    /// <summary>The slot numbers N of every "Slot N · " label in the batch, in order.</summary>
    public static List<long> SlotLabels(ReadOnlySpan<byte> batch)
    {
        var found = new List<long>();
        for (int i = batch.IndexOf(SlotPrefix); i >= 0;)
        {
            ReadOnlySpan<byte> rest = batch[(i + SlotPrefix.Length)..];
            int digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit((char)rest[digits]))
            {
                digits++;
            }
            if (digits > 0 && rest[digits..].StartsWith(SlotSuffix))
            {
                found.Add(long.Parse(Encoding.ASCII.GetString(rest[..digits]), CultureInfo.InvariantCulture));
            }
            int next = rest.IndexOf(SlotPrefix);
            i = next < 0 ? -1 : i + SlotPrefix.Length + next;
        }
        return found;
    }
}
