namespace PeerGrid.Markets.Auctions;

/// <summary>
/// The first not-yet-exhausted position at or after a given one, over positions 0 … n − 1 (n = none left).
/// Exhausted positions are linked past with path halving, so walks that keep restarting from the best order do not
/// rescan filled orders: matching stays near-linear even when self-trade skips leave holes behind the front.
/// </summary>
internal sealed class NextAlive
{
    private int[] _next = [];

    public void Reset(int count)
    {
        if (_next.Length < count + 1)
        {
            _next = new int[Math.Max(count + 1, _next.Length * 2)];
        }
        for (int i = 0; i <= count; i++)
        {
            _next[i] = i;
        }
    }

    public int Find(int position)
    {
        int[] next = _next;
        while (next[position] != position)
        {
            int skip = next[next[position]];
            next[position] = skip;
            position = skip;
        }
        return position;
    }

    public void Remove(int position) => _next[position] = position + 1;
}
