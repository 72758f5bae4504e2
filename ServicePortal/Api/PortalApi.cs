using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Api;

/// <summary>
/// The automation API under <c>/api</c> (Minimal APIs), described at <c>/openapi/v1.json</c>.
/// Callers sign in with <c>POST /api/auth/login</c> and send <c>Authorization: Bearer …</c>;
/// a signed-in browser's cookie works too.
/// </summary>
internal static class PortalApi
{
    public const string BearerScheme = "Bearer";

    /// <summary>JSON and OpenAPI document options of the API.</summary>
    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.ConfigureResponses(o.SerializerOptions));
        services.Configure<OpenApiOptions>("v1", DescribeDocument);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        return services;
    }

    public static void MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .RequireAuthorization()
            .AddEndpointFilter<DomainProblemFilter>()
            // 401, 403 and 404 stay API answers instead of being re-executed as the HTML not-found page.
            .WithMetadata(new SkipStatusCodePagesAttribute())
            // Every endpoint answers these (sign-in answers them for wrong credentials and disabled accounts).
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapAuthEndpoints();
        api.MapComplaintEndpoints();
        api.MapComplaintActionEndpoints();
        api.MapRepairEndpoints();
        api.MapRepairActionEndpoints();
        api.MapRepairSettingsEndpoints();
        api.MapRevisitEndpoints();
        api.MapSpotCheckEndpoints();
        api.MapSurveyEndpoints();
        api.MapCustomerEndpoints();
        api.MapSettingsEndpoints();
        api.MapKpiEndpoints();
        api.MapImportEndpoints();
        api.MapCustomerImportEndpoints();
        api.MapExportEndpoints();
        api.MapSlipEndpoints();
        api.MapCustomerListEndpoints();
        api.MapAccessRequestEndpoints();
        api.MapArchiveEndpoints();
        api.MapAuditEndpoints();

        api.Map("{**path}", () => ApiProblems.NotFound("没有这个接口，请查看接口说明 /openapi/v1.json。"))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static void DescribeDocument(OpenApiOptions options)
    {
        options.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        // The domain's read models are the API's JSON; their schemas keep the names the API was published with.
        options.CreateSchemaReferenceId = type => PublishedNames.TryGetValue(type.Type, out var name) ? name : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "ServicePortal 自动化接口",
                Version = "v1",
                Description = "客户服务门户的自动化接口。先调用 POST /api/auth/login 取得访问令牌，之后的请求带请求头 "
                    + "Authorization: Bearer {accessToken}。请求和响应均为 JSON（字段 camelCase），时间为带时区的 ISO 8601"
                    + "（响应统一为北京时间 +08:00），枚举值用英文名称且区分大小写。出错时返回 application/problem+json，"
                    + "title 和 detail 为中文；输入有误（400）时 errors 按字段给出中文提示。",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "POST /api/auth/login 返回的 accessToken",
            };
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            // Times are written by ApiJson.BeijingTimeConverter: ISO 8601 text with the +08:00 offset.
            if (type == typeof(DateTime)) schema.Type = JsonSchemaType.String;
            if (type == typeof(DateTime?)) schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
            if (WrittenAsValue.TryGetValue(type, out var value))
            {
                schema.Type = value.Type;
                schema.Properties?.Clear();
                schema.Required?.Clear();
                schema.Description ??= value.Description;
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<JsonRequestBody>().FirstOrDefault() is { } body)
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct) },
                    },
                };
            }
            if (metadata.OfType<QueryParameters>().FirstOrDefault() is { } query)
            {
                operation.Parameters ??= [];
                foreach (var (name, description) in query.Parameters)
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = name, In = ParameterLocation.Query, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }
            }
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
                });
            }
        });
    }

    /// <summary>
    /// Documents the JSON body that the handler reads itself (<see cref="ApiJson.ReadAsync{T}"/>), and its
    /// answers to a bad body: 400 with the fields' messages, 415 for another content type. Unlike
    /// <c>Accepts&lt;T&gt;()</c> it does not make routing refuse other content types, so the handler can answer them in Chinese.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.WithMetadata(new JsonRequestBody(typeof(T)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>Documents query parameters that the handler reads itself (text, so that bad values get Chinese messages).</summary>
    public static RouteHandlerBuilder WithQueryParameters(this RouteHandlerBuilder builder, IReadOnlyList<(string Name, string Description)> parameters) =>
        builder.WithMetadata(new QueryParameters(parameters));

    private sealed record JsonRequestBody(Type Type);

    private sealed record QueryParameters(IReadOnlyList<(string Name, string Description)> Parameters);

    private static readonly Dictionary<Type, string> PublishedNames = new()
    {
        [typeof(ComplaintDetail)] = "ComplaintResponse",
        [typeof(ComplaintListItem)] = "ComplaintListItemResponse",
        [typeof(PageResponse<ComplaintListItem>)] = "PageResponseOfComplaintListItemResponse",
        [typeof(PersonRef)] = "ComplaintOwner",
        [typeof(ComplaintHistoryView)] = "ComplaintHistoryEntry",
        [typeof(ComplaintDeadlineTimes)] = "ComplaintDeadlinesResponse",
        [typeof(ComplaintOverdueFlags)] = "ComplaintOverdueResponse",
        [typeof(RepairDetail)] = "RepairResponse",
        [typeof(RepairListItem)] = "RepairListItemResponse",
        [typeof(PageResponse<RepairListItem>)] = "PageResponseOfRepairListItemResponse",
        [typeof(RepairHistoryView)] = "RepairHistoryEntry",
        [typeof(FeeItemView)] = "FeeItemResponse",
        [typeof(RevisitTaskView)] = "RevisitTaskResponse",
        [typeof(PageResponse<RevisitTaskView>)] = "PageResponseOfRevisitTaskResponse",
        [typeof(RevisitTaskDetail)] = "RevisitDetailResponse",
        [typeof(KpiReport)] = "KpiResponse",
        [typeof(Ratio)] = "RatioResponse",
        [typeof(RateKpi)] = "RateKpiResponse",
        [typeof(DurationKpi)] = "DurationKpiResponse",
        [typeof(BacklogKpi)] = "BacklogResponse",
        [typeof(BacklogRow)] = "BacklogRowResponse",
        [typeof(StaffLoadKpi)] = "StaffLoadResponse",
        [typeof(StaffLoadRow)] = "StaffLoadRowResponse",
        [typeof(TrendPoint)] = "TrendPointResponse",
        [typeof(BreakdownRow)] = "BreakdownRowResponse",
        [typeof(KpiDepartment)] = "KpiDepartmentResponse",
        [typeof(RepairKpis)] = "RepairKpisResponse",
        [typeof(RepairRateKpi)] = "RepairRateKpiResponse",
        [typeof(RepairDurationKpi)] = "RepairDurationKpiResponse",
        [typeof(RepairCountKpi)] = "RepairCountKpiResponse",
        [typeof(RevisitKpis)] = "RevisitKpisResponse",
        [typeof(LinkedRateKpi)] = "LinkedRateKpiResponse",
        [typeof(RevisitKpiRow)] = "RevisitKpiRowResponse",
        [typeof(SurveyItemKpi)] = "SurveyItemKpiResponse",
        [typeof(Domain.Surveys.SurveyDetail)] = "SurveyResponse",
        [typeof(Domain.Surveys.SurveyAnswerView)] = "SurveyAnswerResponse",
        [typeof(Domain.Surveys.SurveyListItem)] = "SurveyListItemResponse",
        [typeof(PageResponse<Domain.Surveys.SurveyListItem>)] = "PageResponseOfSurveyListItemResponse",
        [typeof(Domain.Surveys.SatisfactionSummary)] = "SurveySummaryResponse",
        [typeof(Domain.Surveys.SatisfactionRow)] = "SurveySummaryRowResponse",
        [typeof(Domain.Surveys.SurveyTemplateView)] = "SurveyTemplateResponse",
        [typeof(Domain.Surveys.SurveyTemplateVersionView)] = "SurveyTemplateVersionResponse",
        [typeof(Domain.Surveys.SurveyItemView)] = "SurveyItemResponse",
    };

    /// <summary>Types the API writes as a plain value (see <see cref="ApiJson.ConfigureResponses"/>): their schema is that value's.</summary>
    private static readonly Dictionary<Type, (JsonSchemaType Type, string Description)> WrittenAsValue = new()
    {
        [typeof(ComplaintQuery)] = (JsonSchemaType.String, "投诉登记表的地址，列出这些投诉（下钻）"),
        [typeof(RepairQuery)] = (JsonSchemaType.String, "维修登记表的地址，列出这些维修单（下钻）"),
        [typeof(KpiTarget)] = (JsonSchemaType.Number, "目标值，0–1"),
        [typeof(CountFigure)] = (JsonSchemaType.Integer, "投诉数"),
    };
}
