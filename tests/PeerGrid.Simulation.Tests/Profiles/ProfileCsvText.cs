using System.Globalization;
using System.Text;
using PeerGrid.Simulation.Profiles;

namespace PeerGrid.Simulation.Tests.Profiles;

/// <summary>Writes small profile files in memory and reads them back, so tests need no files.</summary>
internal static class ProfileCsvText
{
    public static Profile Read(string text, ProfileCsvOptions? options = null, string source = "LOAD.csv") =>
        ProfileCsvReader.Read(new StringReader(text), source, options);

    public static ProfileFormatException ReadFails(string text, ProfileCsvOptions? options = null, string source = "LOAD.csv") =>
        Assert.Throws<ProfileFormatException>(() => Read(text, options, source));

    /// <summary>Lines joined with '\n' (and a final newline).</summary>
    public static string Lines(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (string line in lines)
        {
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A one-day <c>hh:mm</c> file: one row per step with <paramref name="value"/>(index) as written.</summary>
    public static string Daily(int stepMinutes, Func<int, string> value, char separator = ';', string? header = "INTERVAL;POWER(W)")
    {
        var lines = new List<string>();
        if (header is not null)
        {
            lines.Add(header);
        }
        for (int i = 0; i < 1440 / stepMinutes; i++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{Clock(i * stepMinutes)}{separator}{value(i)}"));
        }
        return Lines(lines);
    }

    public static string Clock(int minuteOfDay) =>
        string.Create(CultureInfo.InvariantCulture, $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}");

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A deterministic, household-like series in kWh per step (0.04 … 4 kW mean power).</summary>
    public static double[] SampleKwh(int count, double stepHours)
    {
        double[] kwh = new double[count];
        for (int i = 0; i < count; i++)
        {
            double kw = 0.04 + (3.96 * (((i * 37) + 11) % 97) / 96.0);
            kwh[i] = kw * stepHours;
        }
        return kwh;
    }
}
