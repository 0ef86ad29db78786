using System.Text;

namespace PeerGrid.Simulation.Scenarios.Json;

/// <summary>Enum values as the scenario file spells them: <c>StoreFirst</c> ↔ "store-first".</summary>
internal static class KebabCase
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => From(value.ToString());

    public static IReadOnlyList<string> Names<TEnum>() where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => Of(v))];

    public static TEnum Parse<TEnum>(string kebab) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().First(v => Of(v) == kebab);

    private static string From(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('-');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
