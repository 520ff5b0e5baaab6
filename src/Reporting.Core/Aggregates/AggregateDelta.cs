namespace Reporting.Core.Aggregates;

/// <summary>
/// Changes to the aggregate tables from one batch, kept per (agency, procedure, bucket); agency
/// rows are the sums of their procedure rows, derived when the delta is written.
/// </summary>
public sealed class AggregateDelta
{
    public Dictionary<(int AgencyId, string ProcedureCode, int Bucket), CountsTotal> Cells { get; } = [];

    public Dictionary<(int AgencyId, int ReceivedBucket, int EndedBucket), (int Online, int Digitised)> Gaps { get; } = [];

    public bool IsEmpty => Cells.Count == 0 && Gaps.Count == 0;

    public CountsTotal Cell(int agencyId, string procedureCode, int bucket)
    {
        var key = (agencyId, procedureCode, bucket);
        if (!Cells.TryGetValue(key, out var cell))
        {
            cell = new CountsTotal();
            Cells[key] = cell;
        }

        return cell;
    }

    public void AddGap(int agencyId, int receivedBucket, int endedBucket, int online, int digitised)
    {
        var key = (agencyId, receivedBucket, endedBucket);
        Gaps.TryGetValue(key, out var gap);
        Gaps[key] = (gap.Online + online, gap.Digitised + digitised);
    }

    /// <summary>Agency rows: procedure rows summed per (agency, bucket), skipping cells that cancel out.</summary>
    public Dictionary<(int AgencyId, int Bucket), CountsTotal> AgencyCells()
    {
        var result = new Dictionary<(int, int), CountsTotal>();
        foreach (var ((agency, _, bucket), counts) in Cells)
        {
            if (!result.TryGetValue((agency, bucket), out var total))
            {
                total = new CountsTotal();
                result[(agency, bucket)] = total;
            }

            total.Add(counts);
        }

        return result;
    }
}
