using System.Globalization;
using System.Text.Json.Serialization;
using Reporting.Core.Indicators;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Bieu06;

/// <summary>
/// One row of Biểu 06: columns 3 to 13 as stored numbers. The total columns (3, 7, 11) are stored
/// too, not derived, so a report edited by hand or read back from a file can be checked by
/// <see cref="Bieu06Identities"/>.
/// </summary>
public sealed record Bieu06Row
{
    public required ReportRowKind Kind { get; init; }

    /// <summary>Field code or agency code (item), group name (subtotal), <c>total</c>.</summary>
    public required string Key { get; init; }

    public required string Label { get; init; }

    /// <summary>Column 1: "I", "II"… for groups, 1, 2… for items, empty for the total.</summary>
    public string Ordinal { get; init; } = "";

    /// <summary>For an item of a grouped report, the key of its group's subtotal row.</summary>
    public string? Group { get; init; }

    /// <summary>(3) in scope = (4) + (5) + (6).</summary>
    public int InScope { get; init; }

    /// <summary>(4) new in the window, online.</summary>
    public int NewOnline { get; init; }

    /// <summary>(5) new in the window, in person or by public postal service.</summary>
    public int NewInPerson { get; init; }

    /// <summary>(6) carried over from the previous period.</summary>
    public int CarriedOver { get; init; }

    /// <summary>(7) handled = (8) + (9) + (10).</summary>
    public int Handled { get; init; }

    /// <summary>(8) handled before the promised date.</summary>
    public int HandledEarly { get; init; }

    /// <summary>(9) handled on the promised date.</summary>
    public int HandledOnTime { get; init; }

    /// <summary>(10) handled after the promised date.</summary>
    public int HandledLate { get; init; }

    /// <summary>(11) in progress = (12) + (13).</summary>
    public int InProgress { get; init; }

    /// <summary>(12) in progress, within the deadline.</summary>
    public int InProgressWithin { get; init; }

    /// <summary>(13) in progress, overdue.</summary>
    public int InProgressOverdue { get; init; }

    /// <summary>The value of column 3 to 13.</summary>
    public int this[int column] => column switch
    {
        3 => InScope,
        4 => NewOnline,
        5 => NewInPerson,
        6 => CarriedOver,
        7 => Handled,
        8 => HandledEarly,
        9 => HandledOnTime,
        10 => HandledLate,
        11 => InProgress,
        12 => InProgressWithin,
        13 => InProgressOverdue,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Biểu 06 có số liệu ở các cột 3 đến 13."),
    };

    /// <summary>Columns 3 to 13 keyed by their number as text, the JSON shape of api.md.</summary>
    public IReadOnlyDictionary<string, int> Values =>
        Bieu06Template.Columns.ToDictionary(c => c.ToString(CultureInfo.InvariantCulture), c => this[c]);

    [JsonIgnore]
    public bool IsZero => Bieu06Template.Columns.All(c => this[c] == 0);

    /// <summary>The form-independent row the identities, the Excel writer and the JSON read.</summary>
    public ReportRow ToReportRow() =>
        ReportRow.Create(Kind, Key, Label, Bieu06Template.Columns.Select(c => KeyValuePair.Create(c, this[c]))) with { Ordinal = Ordinal, Group = Group };

    /// <summary>A row with the given values of columns 3 to 13 (index 0 is column 3).</summary>
    public static Bieu06Row FromColumns(ReportRowKind kind, string key, string label, IReadOnlyList<int> columns3To13)
    {
        if (columns3To13.Count != 11)
        {
            throw new ArgumentException("Cần đúng 11 giá trị, cho các cột 3 đến 13.", nameof(columns3To13));
        }

        return new Bieu06Row
        {
            Kind = kind,
            Key = key,
            Label = label,
            InScope = columns3To13[0],
            NewOnline = columns3To13[1],
            NewInPerson = columns3To13[2],
            CarriedOver = columns3To13[3],
            Handled = columns3To13[4],
            HandledEarly = columns3To13[5],
            HandledOnTime = columns3To13[6],
            HandledLate = columns3To13[7],
            InProgress = columns3To13[8],
            InProgressWithin = columns3To13[9],
            InProgressOverdue = columns3To13[10],
        };
    }

    /// <summary>
    /// The row of a scope's window figures (templates.md, dossiers.md): (4) received online, (5) the
    /// rest received, (6) open the day before the window, (8)–(10) ended in the window by class,
    /// (12) open at the window's end within the deadline, (13) the other open ones; totals added up.
    /// </summary>
    public static Bieu06Row FromFigures(ReportRowKind kind, string key, string label, WindowFigures figures) =>
        FromCounts(kind, key, label, new Bieu06Counts(
            Received: figures.InWindow.Received,
            ReceivedOnline: figures.InWindow.ReceivedOnline,
            CarriedOver: figures.OpenAtStart.Open,
            HandledEarly: figures.InWindow.HandledEarly,
            HandledOnTime: figures.InWindow.HandledOnTime,
            HandledLate: figures.InWindow.HandledLate,
            OpenAtEnd: figures.OpenAtEnd.Open,
            OpenAtEndWithin: figures.OpenAtEnd.OpenWithin));

    internal static Bieu06Row FromCounts(ReportRowKind kind, string key, string label, Bieu06Counts c)
    {
        var online = c.ReceivedOnline;
        var inPerson = c.Received - c.ReceivedOnline;
        var within = c.OpenAtEndWithin;
        var overdue = c.OpenAtEnd - c.OpenAtEndWithin;
        return new Bieu06Row
        {
            Kind = kind,
            Key = key,
            Label = label,
            InScope = online + inPerson + c.CarriedOver,
            NewOnline = online,
            NewInPerson = inPerson,
            CarriedOver = c.CarriedOver,
            Handled = c.HandledEarly + c.HandledOnTime + c.HandledLate,
            HandledEarly = c.HandledEarly,
            HandledOnTime = c.HandledOnTime,
            HandledLate = c.HandledLate,
            InProgress = within + overdue,
            InProgressWithin = within,
            InProgressOverdue = overdue,
        };
    }

    /// <summary>A subtotal or total row: the column-wise sum of <paramref name="rows"/>.</summary>
    public static Bieu06Row Sum(ReportRowKind kind, string key, string label, IEnumerable<Bieu06Row> rows)
    {
        var sums = new int[11];
        foreach (var row in rows)
        {
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += row[i + 3];
            }
        }

        return FromColumns(kind, key, label, sums);
    }
}

/// <summary>The counts Biểu 06 reads for one scope and window, as summed from the aggregate tables.</summary>
internal readonly record struct Bieu06Counts(
    int Received,
    int ReceivedOnline,
    int CarriedOver,
    int HandledEarly,
    int HandledOnTime,
    int HandledLate,
    int OpenAtEnd,
    int OpenAtEndWithin)
{
    public static Bieu06Counts operator +(Bieu06Counts a, Bieu06Counts b) => new(
        a.Received + b.Received,
        a.ReceivedOnline + b.ReceivedOnline,
        a.CarriedOver + b.CarriedOver,
        a.HandledEarly + b.HandledEarly,
        a.HandledOnTime + b.HandledOnTime,
        a.HandledLate + b.HandledLate,
        a.OpenAtEnd + b.OpenAtEnd,
        a.OpenAtEndWithin + b.OpenAtEndWithin);
}
