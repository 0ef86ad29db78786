namespace PeerGrid.Simulation.Scenarios.Json;

/// <summary>"Did you mean …?" hints: the closest candidate by edit distance, if it is close enough to be a likely typo.</summary>
public static class Suggestions
{
    /// <summary>The candidate nearest to <paramref name="input"/>, or null when none is plausibly what was meant.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        string[] all = [.. candidates];
        // A shortened or lengthened name ("solar" for "solar-pv") is a likelier intent than any edit-distance match.
        if (input.Length >= 3
            && all.Where(c => c.Contains(input, StringComparison.OrdinalIgnoreCase) || input.Contains(c, StringComparison.OrdinalIgnoreCase)).ToArray() is [string only])
        {
            return only;
        }
        foreach (string candidate in all)
        {
            int d = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        // A third of the length (at least 2) catches typos and transpositions without suggesting unrelated words.
        int limit = Math.Max(2, input.Length / 3);
        return bestDistance <= limit ? best : null;
    }

    /// <summary>"did you mean 'x'? " or "" — written to prefix a fix.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } s ? $"did you mean '{s}'? " : "";

    /// <summary>Quoted, comma-separated list for messages.</summary>
    public static string List(IEnumerable<string> items) => string.Join(", ", items.Select(i => $"'{i}'"));

    /// <summary>Optimal string alignment distance: Levenshtein plus adjacent transpositions ("capcaity").</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }
}
