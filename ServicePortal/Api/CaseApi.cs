using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;

namespace ServicePortal.Api;

/// <summary>
/// The steps of one kind of case (complaints, repairs) as <c>POST {group}/{action}</c>: each reads its
/// typed JSON body (bad fields → 400 naming them), runs the step as the caller, and answers the case
/// as it now is. The domain's refusals become problem details in <see cref="DomainProblemFilter"/>:
/// wrong role → 403, wrong stage or stale version → 409, a bad field of the step → 400; a case the caller may not
/// read (<see cref="ReadScope"/>) → 404 like an unknown number, before any rule could tell its stage.
/// </summary>
/// <param name="namePrefix">the OpenAPI operation name's prefix, e.g. <c>Complaint_</c>.</param>
/// <param name="detail">the case of a number as the caller typed it, as that reader may read it (<see cref="ReadScope"/>), or null.</param>
internal sealed class CaseStepEndpoints<TService, TDetail>(
    RouteGroupBuilder group, string namePrefix, string policy, string description,
    Func<IServiceProvider, string, CaseActor, CancellationToken, Task<TDetail?>> detail, Func<string, IResult> notFound)
    where TService : notnull
    where TDetail : class
{
    /// <param name="run">the step: service, normalized number, caller's account id, body.</param>
    public RouteHandlerBuilder Map<TBody>(string action, string summary, Func<TService, string, string, TBody, CancellationToken, Task> run)
        where TBody : class =>
        group.MapPost(action, async (string number, HttpRequest request, ClaimsPrincipal user, TService service, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<TBody>(request, ct);
                if (problem is not null) return problem;
                await run(service, number.Trim().ToUpperInvariant(), ApiUser.Id(user), body, ct);
                // The case as it now is, as the caller may read it: never more than GET would show them.
                return await detail(request.HttpContext.RequestServices, number, CaseActorClaims.From(user), ct) is { } d ? TypedResults.Ok(d) : notFound(number);
            })
            .RequireAuthorization(policy)
            .WithName(namePrefix + action)
            .WithSummary(summary)
            .WithDescription(description)
            .AcceptsJson<TBody>()
            .Produces<TDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary>
/// A register's question read from the query string through its table of parameters
/// (<see cref="QueryStringTable"/>), and the OpenAPI description of those parameters: the complaint
/// and repair registers and their exports.
/// </summary>
internal static class RegisterQueries
{
    /// <summary>The query, or a 400 problem whose errors name each bad parameter in Chinese.</summary>
    /// <param name="read">reads the query: a parameter's text by name, and the errors to add to.</param>
    public static (TQuery Query, IResult? Problem) Read<TQuery>(HttpContext http, Func<Func<string, string?>, Dictionary<string, string[]>, TQuery> read)
    {
        var values = http.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var query = read(name => values.TryGetValue(name, out var v) ? v.ToString() : null, errors);
        return errors.Count > 0 ? (query, ApiProblems.Invalid(errors, "查询条件有误，请按提示修改。")) : (query, null);
    }

    /// <summary>Whether any of these parameters has a value (so that names are looked up only when used).</summary>
    public static bool HasAny(HttpContext http, params string[] names) =>
        names.Any(n => http.Request.Query.TryGetValue(n, out var v) && !string.IsNullOrWhiteSpace(v));

    /// <summary>Every account's id and user name (people may be named by either), when one of <paramref name="names"/> is given.</summary>
    public static async Task<IReadOnlyList<(string Id, string UserName)>> PeopleAsync(HttpContext http, CancellationToken ct, params string[] names) =>
        HasAny(http, names)
            ? (await http.RequestServices.GetRequiredService<UserManager<PortalUser>>().Users.Select(u => new { u.Id, u.UserName }).ToListAsync(ct))
                .Select(u => (u.Id, u.UserName ?? "")).ToList()
            : [];

    /// <summary>Documents a register's parameters (with <paramref name="paging"/>: also sort and page) and its 400.</summary>
    public static RouteHandlerBuilder WithQueryTable<TQuery>(this RouteHandlerBuilder builder, IEnumerable<QueryParameter<TQuery>> parameters, bool paging) =>
        builder.WithQueryParameters([.. parameters
                .Where(p => p.IsFilter || paging || p.Name is "sort" or "desc")
                .Select(p => (p.Name, p.Description))])
            .ProducesValidationProblem();
}
