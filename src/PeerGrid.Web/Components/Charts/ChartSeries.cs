namespace PeerGrid.Web.Components.Charts;

/// <summary>One point of a time series: the slot's start (community-local time) and its value.</summary>
public sealed record ChartPoint(DateTime Time, double Value);

/// <summary>A named line or bar series for <see cref="TimeSeriesChart"/>.</summary>
public sealed record ChartSeries(string Title, IReadOnlyList<ChartPoint> Points, bool Bars = false);
