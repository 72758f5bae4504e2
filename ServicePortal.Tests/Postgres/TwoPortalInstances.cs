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
/// </summary>
public sealed class TwoPortalInstances : IAsyncDisposable
{
    private TwoPortalInstances(string connectionString, PortalAppFactory a, PortalAppFactory b)
    {
        ConnectionString = connectionString;
        A = a;
        B = b;
    }

    public string ConnectionString { get; }
    public PortalAppFactory A { get; }
    public PortalAppFactory B { get; }

    public static async Task<TwoPortalInstances> StartAsync()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync();
        var a = Instance(connectionString);
        _ = a.Services; // started: migrations checked, reference data seeded
        await a.SeedAccountsAsync();
        var b = Instance(connectionString);
        _ = b.Services;
        var instances = new TwoPortalInstances(connectionString, a, b);
        await Task.WhenAll(Backplane(a).Listening, Backplane(b).Listening).WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        return instances;
    }

    private static PortalAppFactory Instance(string connectionString) => new()
    {
        Settings = new Dictionary<string, string> { ["Portal:Database"] = "PostgreSQL", ["ConnectionStrings:Portal"] = connectionString },
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
