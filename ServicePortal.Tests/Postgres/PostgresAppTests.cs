using System.Net;
using System.Net.Http.Headers;
using ServicePortal.Tests.Api;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Postgres;

/// <summary>
/// The whole portal started with <c>Portal:Database=PostgreSQL</c> on an empty database of the throwaway cluster: its start
/// applies the migrations and seeds the reference data; a clerk registers a complaint through the API and finds it in the
/// register by a word of its content and on the dashboard's figures.
/// </summary>
public sealed class PostgresAppTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePortal_StartsOnAnEmptyPostgresDatabase_AndRegistersAndFindsAComplaint()
    {
        var connectionString = await PostgresCluster.CreateEmptyDatabaseAsync();
        try
        {
            await using (var app = new PortalAppFactory
            {
                Settings = new Dictionary<string, string> { ["Portal:Database"] = "PostgreSQL", ["ConnectionStrings:Portal"] = connectionString },
            })
            {
                var anonymous = app.CreateClient();
                (await anonymous.GetAsync("/Account/Login", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
                await app.SeedAccountsAsync();

                var clerk = app.CreateClient();
                clerk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiApp.TokenAsync(clerk, "clerk"));
                var saved = await clerk.RegisterAsync(Api.Api.ValidComplaint("空调外机漏水，楼下邻居投诉。"));
                var number = saved["number"]!.GetValue<string>();
                number.ShouldStartWith("TS");

                var found = await Api.Api.JsonAsync(await clerk.GetAsync("/api/complaints?q=" + Uri.EscapeDataString("漏水"), Ct));
                found.ToJsonString().ShouldContain(number);
                var none = await Api.Api.JsonAsync(await clerk.GetAsync("/api/complaints?q=" + Uri.EscapeDataString("冰箱"), Ct));
                none.ToJsonString().ShouldNotContain(number);
                (await clerk.GetAsync($"/api/complaints/{number}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }
        finally
        {
            await PostgresCluster.DropDatabaseAsync(connectionString);
        }
    }
}
