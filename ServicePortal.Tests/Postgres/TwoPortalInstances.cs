using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServicePortal.Domain.Common;
using ServicePortal.Tests.Api;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Postgres;

/// <summary>
/// Two app instances (A and B, each a whole portal with its own change feeds and caches) on one PostgreSQL database of the
/// throwaway cluster, started one after the other and both listening (<see cref="PostgresChangeBackplane.Listening"/>);
/// the test accounts are created through A. Skips the test where PostgreSQL is not installed.
/// With <c>demoData</c>, A starts on an empty database and writes the demo data with its accounts (Portal:DemoData=true, as a
/// new installation) instead of the test accounts; with <c>realPorts</c>, both serve through Kestrel on a free localhost port
/// each (<see cref="BaseAddresses"/>), for a browser.
/// </summary>
public sealed class TwoPortalInstances : IAsyncDisposable
{
    private TwoPortalInstances(string connectionString, PortalAppFactory a, PortalAppFactory b, IReadOnlyList<string> baseAddresses)
    {
        ConnectionString = connectionString;
        A = a;
        B = b;
        BaseAddresses = baseAddresses;
    }

    public string ConnectionString { get; }
    public PortalAppFactory A { get; }
    public PortalAppFactory B { get; }

    /// <summary>A's and B's http://localhost:{port} when started with <c>realPorts</c>; empty otherwise.</summary>
    public IReadOnlyList<string> BaseAddresses { get; }

    public static async Task<TwoPortalInstances> StartAsync(bool demoData = false, bool realPorts = false)
    {
        // The demo data is written only into a new database (DatabaseInitializer): an empty one, which A migrates.
        var connectionString = demoData ? await PostgresCluster.CreateEmptyDatabaseAsync() : await PostgresCluster.CreateDatabaseAsync();
        var addresses = new List<string>();
        PortalAppFactory Start(bool writesDemoData)
        {
            var app = Instance(connectionString, writesDemoData);
            if (realPorts) addresses.Add(app.StartOnRealPort());
            else _ = app.Services; // started: migrations checked, reference data seeded
            return app;
        }
        var a = Start(demoData);
        if (!demoData) await a.SeedAccountsAsync(); // the demo data has its own accounts (some of the same names)
        var b = Start(false);
        var instances = new TwoPortalInstances(connectionString, a, b, addresses);
        await Task.WhenAll(Backplane(a).Listening, Backplane(b).Listening).WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        return instances;
    }

    private static PortalAppFactory Instance(string connectionString, bool demoData) => new()
    {
        Settings = new Dictionary<string, string>
        {
            ["Portal:Database"] = "PostgreSQL", ["ConnectionStrings:Portal"] = connectionString, ["Portal:DemoData"] = demoData ? "true" : "false",
        },
    };

    public static PostgresChangeBackplane Backplane(PortalAppFactory app) => app.Services.GetRequiredService<PostgresChangeBackplane>();

    public static T Get<T>(PortalAppFactory app) where T : notnull => app.Services.GetRequiredService<T>();

    /// <summary>An API client of <paramref name="app"/> with a token of <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(PortalAppFactory app, string userName)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiApp.TokenAsync(client, userName));
        return client;
    }

    /// <summary>Runs <paramref name="sql"/> on the instances' database (an unpooled connection of its own).</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await PostgresCluster.DropDatabaseAsync(ConnectionString);
    }
}
