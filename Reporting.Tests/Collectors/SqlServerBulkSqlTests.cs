using Microsoft.EntityFrameworkCore;
using Reporting.Core.Aggregates;
using Reporting.Core.Dossiers;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Collectors;

/// <summary>
/// The SQL Server bulk path (stage by SqlBulkCopy, one MERGE a batch; ADR 016) cannot run here: its SQL is checked as
/// built from the SQL Server model, statement by statement, for the three ways a batch meets stored rows.
/// </summary>
public sealed class SqlServerBulkSqlTests
{
    private static SqlServerReportingDbContext Context() =>
        new(new DbContextOptionsBuilder<SqlServerReportingDbContext>().UseSqlServer("Server=unused;Database=Reporting").Options);

    [Fact]
    public void Counters_are_added_to_the_stored_cell_or_inserted_whole()
    {
        using var db = Context();
        var (stage, merge) = new RowCommands<ResultGapStat>(db, null!).SqlServerStatements(
            [nameof(ResultGapStat.OnlineWithoutResult), nameof(ResultGapStat.DigitisedWithoutResult)], SqlServerBulkRows.Combine.Add);

        Assert.Equal(
            "IF OBJECT_ID('tempdb..#stage_ResultGapStats') IS NOT NULL TRUNCATE TABLE #stage_ResultGapStats " +
            "ELSE SELECT TOP (0) [ReceivedBucket], [EndedBucket], [AgencyId], [DigitisedWithoutResult], [OnlineWithoutResult] INTO #stage_ResultGapStats FROM [ResultGapStats];",
            stage);
        Assert.Equal(
            "MERGE INTO [ResultGapStats] WITH (HOLDLOCK) AS t USING #stage_ResultGapStats AS s " +
            "ON t.[ReceivedBucket] = s.[ReceivedBucket] AND t.[EndedBucket] = s.[EndedBucket] AND t.[AgencyId] = s.[AgencyId] " +
            "WHEN MATCHED THEN UPDATE SET t.[DigitisedWithoutResult] = t.[DigitisedWithoutResult] + s.[DigitisedWithoutResult], " +
            "t.[OnlineWithoutResult] = t.[OnlineWithoutResult] + s.[OnlineWithoutResult] " +
            "WHEN NOT MATCHED BY TARGET THEN INSERT ([ReceivedBucket], [EndedBucket], [AgencyId], [DigitisedWithoutResult], [OnlineWithoutResult]) " +
            "VALUES (s.[ReceivedBucket], s.[EndedBucket], s.[AgencyId], s.[DigitisedWithoutResult], s.[OnlineWithoutResult]);",
            merge);
    }

    [Fact]
    public void Activity_bits_are_or_ed_into_the_stored_row()
    {
        using var db = Context();
        var (_, merge) = new RowCommands<ProcedureYearActivity>(db, null!).SqlServerStatements(ProcedureYearActivity.MaskNames, SqlServerBulkRows.Combine.Or);

        Assert.Contains("ON t.[Year] = s.[Year] AND t.[AgencyId] = s.[AgencyId] AND t.[ProcedureCode] = s.[ProcedureCode] ", merge);
        foreach (var mask in ProcedureYearActivity.MaskNames)
        {
            Assert.Contains($"t.[{mask}] = t.[{mask}] | s.[{mask}]", merge);
        }
    }

    [Fact]
    public void A_stored_dossier_takes_every_column_of_its_new_version_and_keeps_its_key()
    {
        using var db = Context();
        var entity = db.Model.FindEntityType(typeof(Dossier))!;
        var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToList();
        var rows = new RowCommands<Dossier>(db, null!);
        var (_, merge) = rows.SqlServerStatements(columns.Except(["Code", "Source"]).ToList(), SqlServerBulkRows.Combine.Replace);

        Assert.StartsWith("MERGE INTO [Dossiers] WITH (HOLDLOCK) AS t USING #stage_Dossiers AS s ON t.[Code] = s.[Code] AND t.[Source] = s.[Source] WHEN MATCHED THEN UPDATE SET ", merge);
        var set = merge[(merge.IndexOf("UPDATE SET ", StringComparison.Ordinal) + 11)..merge.IndexOf(" WHEN NOT MATCHED", StringComparison.Ordinal)];
        Assert.Equal(columns.Except(["Code", "Source"]).Order().Select(c => $"t.[{c}] = s.[{c}]").ToList(), set.Split(", ").Order().ToList());
        var insert = merge[(merge.IndexOf("INSERT (", StringComparison.Ordinal) + 8)..merge.IndexOf(") VALUES", StringComparison.Ordinal)];
        Assert.Equal(columns.Order().Select(c => $"[{c}]").ToList(), insert.Split(", ").Order().ToList());
    }

    [Fact]
    public void Bulk_copy_maps_delimited_names_back_to_plain_ones()
    {
        Assert.Equal("Code", SqlServerBulkRows.Unquote("[Code]"));
        Assert.Equal("a]b", SqlServerBulkRows.Unquote("[a]]b]"));
    }
}
