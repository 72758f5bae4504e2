using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;

namespace ServicePortal.Api;

/// <summary>Problem details (RFC 9457) with Chinese titles and messages.</summary>
internal static class ApiProblems
{
    public const string InvalidTitle = "输入有误";

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>400 whose <c>errors</c> maps each bad camelCase field to its Chinese message(s).</summary>
    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors, string detail = "输入有误，请按提示修改后再提交。") =>
        TypedResults.ValidationProblem(errors, detail: detail, title: InvalidTitle);

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "未找到", detail);
}

/// <summary>
/// Turns the domain's refusals into problem details for every endpoint of the API group:
/// invalid input → 400 with the field errors, not found → 404, a rule or a concurrent change → 409,
/// anything unexpected → 500 with a Chinese message (logged, never a stack trace).
/// </summary>
internal sealed class DomainProblemFilter(ILogger<DomainProblemFilter> logger) : IEndpointFilter
{
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The API answers every failure as problem details.")]
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InputInvalidException ex)
        {
            return ApiProblems.Invalid(ex.Errors, ex.Message);
        }
        catch (NotFoundException ex)
        {
            return ApiProblems.NotFound(ex.Message);
        }
        catch (ConcurrencyConflictException ex)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "数据已被修改", ex.Message);
        }
        catch (NotPermittedException ex)
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "无权操作", ex.Message);
        }
        catch (DomainException ex)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "操作未被允许", ex.Message);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "接口 {Method} {Path} 出错", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return ApiProblems.Problem(StatusCodes.Status500InternalServerError, "服务器内部错误",
                "服务器处理请求时出错，请稍后重试；如果问题持续，请联系系统管理员。");
        }
    }
}

/// <summary>
/// Gives the API's 401 and 403 a Chinese problem-details body (the schemes only set the status).
/// Other paths (the pages) are left to the default handler: they redirect to the sign-in page.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if (!context.Request.Path.StartsWithSegments("/api") || context.Response.HasStarted) return;

        if (authorizeResult.Challenged && context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            await ApiProblems.Problem(StatusCodes.Status401Unauthorized, "未登录",
                "请先登录：调用 POST /api/auth/login 取得访问令牌，并在请求头中带上 Authorization: Bearer {accessToken}。令牌无效或已过期时请重新登录。")
                .ExecuteAsync(context);
        }
        else if (authorizeResult.Forbidden && context.Response.StatusCode == StatusCodes.Status403Forbidden)
        {
            var role = context.User.FindFirstValue(ClaimTypes.Role);
            await ApiProblems.Problem(StatusCodes.Status403Forbidden, "无权操作",
                $"您的角色（{(role is null ? "未知" : Roles.ChineseName(role))}）无权执行此操作。")
                .ExecuteAsync(context);
        }
    }
}
