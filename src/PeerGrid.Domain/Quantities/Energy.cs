namespace PeerGrid.Domain.Quantities;

/// <summary>A physical amount of energy in kWh (floating point; physics, not billing). Sign by context.</summary>
public readonly record struct Energy(double Kwh)
{
    public static readonly Energy Zero;
    public static Energy operator +(Energy a, Energy b) => new(a.Kwh + b.Kwh);
    public static Energy operator -(Energy a, Energy b) => new(a.Kwh - b.Kwh);
    public static Power operator /(Energy e, TimeSpan t) => new(e.Kwh / t.TotalHours);
    public MeteredEnergy ToMetered() => MeteredEnergy.FromKwh(Kwh);
}

/// <summary>Power in kW (floating point). Sign by context; device ratings are ≥ 0.</summary>
public readonly record struct Power(double Kw)
{
    public static readonly Power Zero;
    public static Energy operator *(Power p, TimeSpan t) => new(p.Kw * t.TotalHours);
}
