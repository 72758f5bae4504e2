using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Demo;
using ServicePortal.Tests.Api;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Postgres;

/// <summary>
/// The portal started with <c>Portal:DemoData=true</c> on an empty PostgreSQL database writes the demo data there (the bulk
/// writer on PostgreSQL): the demo clerk sees complaints, repair orders, revisits and questionnaires through the API, finds a
/// demo complaint by a word of its content, and a complaint registered afterwards gets a free id and the next number of its month.
/// </summary>
public sealed class PostgresDemoDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePortal_StartedWithDemoDataOnAnEmptyPostgresDatabase_ShowsComplaintsRepairsRevisitsAndSurveys()
    {
        var connectionString = await PostgresCluster.CreateEmptyDatabaseAsync();
        try
        {
            await using var app = new PortalAppFactory
            {
                Settings = new Dictionary<string, string>
                {
                    ["Portal:Database"] = "PostgreSQL", ["ConnectionStrings:Portal"] = connectionString, ["Portal:DemoData"] = "true",
                },
            };
            var clerk = app.CreateClient();
            clerk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiApp.TokenAsync(clerk, "clerk", DemoDataGenerator.DemoPassword));

            var complaints = await ListAsync(clerk, "/api/complaints?pageSize=5");
            complaints["totalCount"]!.GetValue<int>().ShouldBeGreaterThan(1000);
            (await ListAsync(clerk, "/api/repairs?pageSize=5"))["totalCount"]!.GetValue<int>().ShouldBeGreaterThan(1000);
            (await ListAsync(clerk, "/api/revisits?status=Done&pageSize=5"))["totalCount"]!.GetValue<int>().ShouldBeGreaterThan(100);
            (await ListAsync(clerk, "/api/surveys?pageSize=5"))["totalCount"]!.GetValue<int>().ShouldBeGreaterThan(10);

            // The register's search entries were written with the demo complaints.
            await using (var db = NewContext(connectionString))
            {
                var demo = await db.Complaints.OrderBy(c => c.Id).Select(c => new { c.Number, c.Content }).FirstAsync(Ct);
                var word = demo.Content[..2];
                var found = await Api.Api.JsonAsync(await clerk.GetAsync("/api/complaints?pageSize=200&q=" + Uri.EscapeDataString(word), Ct));
                found["totalCount"]!.GetValue<int>().ShouldBeGreaterThan(0, $"a search for “{word}” finds demo complaints");
                (await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM \"ComplaintSearch\"").SingleAsync(Ct)).ShouldBe(await db.Complaints.CountAsync(Ct));
            }

            // Ids and numbers go on after the demo data: the identity sequences were moved past the ids the writer gave.
            var saved = await clerk.RegisterAsync(Api.Api.ValidComplaint("演示数据之后登记的投诉：热水器不出热水。"));
            await using (var db = NewContext(connectionString))
            {
                var month = await db.ComplaintSerials.OrderByDescending(s => s.Month).FirstAsync(Ct);
                saved["number"]!.GetValue<string>().ShouldEndWith(month.Last.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
                (await db.Complaints.CountAsync(c => c.Number == saved["number"]!.GetValue<string>(), Ct)).ShouldBe(1);
            }
        }
        finally
        {
            await PostgresCluster.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<JsonObject> ListAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        var body = await Api.Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url + ": " + body.ToJsonString()[..Math.Min(300, body.ToJsonString().Length)]);
        return body.AsObject();
    }

    private static PortalDbContext NewContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.Use(PortalDatabase.PostgreSQL, new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        return PortalDatabaseOptions.NewContext(PortalDatabase.PostgreSQL, options.Options);
    }
}
