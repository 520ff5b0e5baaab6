using Reporting.Core.Periods;

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

    /// <summary>Adds <paramref name="other"/>'s cells and gaps to these (counters add: ranges counted apart, ADR 024).</summary>
    public void Add(AggregateDelta other)
    {
        foreach (var ((agency, procedure, bucket), counts) in other.Cells)
        {
            Cell(agency, procedure, bucket).Add(counts);
        }

        foreach (var ((agency, received, ended), gap) in other.Gaps)
        {
            AddGap(agency, received, ended, gap.Online, gap.Digitised);
        }
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

    /// <summary>
    /// Activity rows: per (agency, procedure, year), the buckets whose received-online, fee-line or
    /// paid-online count grew (positive now, so their bits are raised) and those where one shrank
    /// (possibly to zero: the writer looks at the stored cell).
    /// </summary>
    public Dictionary<(int AgencyId, string ProcedureCode, int Year), ActivityChange> ActivityChanges()
    {
        var result = new Dictionary<(int, string, int), ActivityChange>();
        foreach (var ((agency, procedure, bucket), counts) in Cells)
        {
            if (counts is { ReceivedOnline: 0, FeeLine: 0, PaidOnline: 0 }) continue;
            var year = HalfMonth.YearOf(bucket);
            if (!result.TryGetValue((agency, procedure, year), out var change))
            {
                change = new ActivityChange(new ProcedureYearActivity { AgencyId = agency, ProcedureCode = procedure, Year = year }, []);
                result[(agency, procedure, year)] = change;
            }

            var bit = ProcedureYearActivity.BitOf(bucket);
            if (counts.ReceivedOnline > 0) change.Raised.OnlineBuckets |= bit;
            if (counts.FeeLine > 0) change.Raised.FeeLineBuckets |= bit;
            if (counts.PaidOnline > 0) change.Raised.PaidOnlineBuckets |= bit;
            if (counts.ReceivedOnline < 0 || counts.FeeLine < 0 || counts.PaidOnline < 0) change.Lowered.Add(bucket);
        }

        return result;
    }
}

/// <summary>Bits to raise in one activity row, and the buckets whose bits must be re-read from their cells.</summary>
public sealed record ActivityChange(ProcedureYearActivity Raised, List<int> Lowered);
