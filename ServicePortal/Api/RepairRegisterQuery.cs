using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Api;

/// <summary>The repair register's question from the request's parameters (<see cref="RepairQueryString"/>), like <see cref="RegisterQuery"/> for complaints.</summary>
internal static class RepairRegisterQuery
{
    /// <summary>The query, or a 400 problem whose errors name each bad parameter in Chinese.</summary>
    public static async Task<(RepairQuery Query, IResult? Problem)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var values = http.Request.Query;
        string? Value(string name) => values.TryGetValue(name, out var v) ? v.ToString() : null;
        var people = !string.IsNullOrWhiteSpace(Value("technician"))
            ? (await http.RequestServices.GetRequiredService<UserManager<PortalUser>>().Users.Select(u => new { u.Id, u.UserName }).ToListAsync(ct))
                .Select(u => (u.Id, u.UserName ?? "")).ToList()
            : [];
        var errors = new Dictionary<string, string[]>();
        var query = RepairQueryString.Read(Value, errors, new QueryNames([], [], people, ApiUser.Id(http.User)));
        return errors.Count > 0 ? (query, ApiProblems.Invalid(errors, "查询条件有误，请按提示修改。")) : (query, null);
    }

    /// <summary>Documents the repair register's parameters (with <paramref name="paging"/>: also page and page size) and its 400.</summary>
    public static RouteHandlerBuilder WithRepairRegisterQuery(this RouteHandlerBuilder builder, bool paging) =>
        builder.WithQueryParameters([.. RepairQueryString.Parameters
                .Where(p => p.IsFilter || paging || p.Name is "sort" or "desc")
                .Select(p => (p.Name, p.Description))])
            .ProducesValidationProblem();
}
