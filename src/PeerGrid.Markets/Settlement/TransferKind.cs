namespace PeerGrid.Markets.Settlement;

/// <summary>
/// Why money moved. The numbers are contiguous from 0 (they index the per-kind totals) and are stored by
/// persisted ledgers: append new kinds at the end, never renumber. The usual payer → payee is given for each;
/// only the <see cref="AccountKind.Funding"/> rules are enforced (<see cref="Transfer"/>), the others are the
/// conventions docs/ledger.md lists.
/// </summary>
public enum TransferKind
{
    /// <summary>Peer-to-peer energy: buyer household → seller household.</summary>
    P2PEnergy = 0,

    /// <summary>Energy bought from the grid: household → utility.</summary>
    GridImport = 1,

    /// <summary>Energy sold to the grid: utility → household.</summary>
    GridExport = 2,

    /// <summary>Network fee: household → grid operator.</summary>
    GridFee = 3,

    /// <summary>Platform fee: household → platform operator.</summary>
    PlatformFee = 4,

    /// <summary>Huang trade reduction: what a buyer pays beyond what its seller receives, household → platform operator.</summary>
    TradeSurplus = 5,

    /// <summary>Community energy-sharing pricing (SDR, MMR, bill sharing): household → household.</summary>
    SharingSettlement = 6,

    /// <summary>Fuel for a dispatchable generator: household → utility (standing in for the outside supplier).</summary>
    Fuel = 7,

    /// <summary>Money entering the system: funding → household. The only kind the funding account may pay.</summary>
    TopUp = 8,

    /// <summary>Money leaving the system: household → funding. The only kind the funding account may receive.</summary>
    Withdrawal = 9,
}
