using System.Globalization;

namespace PeerGrid.Application.Clearing;

/// <summary>
/// A JSON number read exactly from its text: how many decimals its value needs and its value as a decimal.
/// Reading the text rather than a parsed value means 0.1000000000000000000000000000001 is seen to need 31 decimals
/// instead of being rounded to 0.1 by decimal's 28-digit precision.
/// </summary>
/// <param name="Value">The number, or null when it is too large for a decimal (beyond ≈ 7.9 × 10²⁸).</param>
/// <param name="Decimals">Decimals of the exact value without trailing zeros (0 for whole numbers; 1e-7 needs 7).</param>
internal readonly record struct ExactNumber(decimal? Value, long Decimals)
{
    /// <summary>Reads the text of a JSON number (which JSON's grammar has already checked).</summary>
    public static ExactNumber Parse(string raw)
    {
        int i = raw.StartsWith('-') ? 1 : 0;
        int intStart = i;
        while (i < raw.Length && char.IsAsciiDigit(raw[i]))
        {
            i++;
        }
        string digits = raw[intStart..i];
        int fractionLength = 0;
        if (i < raw.Length && raw[i] == '.')
        {
            int fractionStart = ++i;
            while (i < raw.Length && char.IsAsciiDigit(raw[i]))
            {
                i++;
            }
            fractionLength = i - fractionStart;
            digits += raw[fractionStart..i];
        }
        long exponent = 0;
        if (i < raw.Length && raw[i] is 'e' or 'E')
        {
            string e = raw[(i + 1)..];
            // An exponent beyond ±10⁹ only matters for its sign here: huge or needs too many decimals either way.
            exponent = long.TryParse(e, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long x) && Math.Abs(x) <= 1_000_000_000
                ? x
                : (e.StartsWith('-') ? -1_000_000_000 : 1_000_000_000);
        }
        long scale = fractionLength - exponent;
        string significant = digits.TrimEnd('0');
        long decimals = significant.TrimStart('0').Length == 0 ? 0 : Math.Max(0, scale - (digits.Length - significant.Length));
        decimal? value = decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) ? d : null;
        return new ExactNumber(value, decimals);
    }
}
