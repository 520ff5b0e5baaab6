using Reporting.Core.Access;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Access;

/// <summary>
/// The tiny province served with one user per kind of seat: a leader of the province, the head of the new
/// commune, a preparer of the department, an administrator (the bootstrap one), and keys scoped to the commune.
/// </summary>
public sealed class AccessApp : IAsyncLifetime
{
    public const string Password = "mat-khau-thu-2026";
    public const string Leader = "lanhdao.thu";
    public const string CommuneHead = "xa.thutruong.thu";
    public const string DepartmentPreparer = "so.lapbc.thu";

    public ScopedFactory Factory { get; } = new();

    public sealed class ScopedFactory : ReportingAppFactory
    {
        protected override string? ScopedAgency => TinyProvince.NewCommune;
    }

    public async Task InitializeAsync()
    {
        _ = Factory.Server;
        await TinyProvince.SeedAsync(Factory);
        await Factory.CreateUserAsync(Leader, Password, Roles.Leader, TinyProvince.Root);
        await Factory.CreateUserAsync(CommuneHead, Password, Roles.Head, TinyProvince.NewCommune);
        await Factory.CreateUserAsync(DepartmentPreparer, Password, Roles.Preparer, TinyProvince.Department);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AccessAppCollection : ICollectionFixture<AccessApp>
{
    public const string Name = "tiny province with users";
}
