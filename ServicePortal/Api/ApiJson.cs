using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Api;

/// <summary>A request body as read by <see cref="ApiJson.ReadAsync{T}"/>.</summary>
internal sealed class RequestBody<T> where T : class
{
    /// <summary>The body without the fields that could not be read (null when <see cref="Refusal"/> is set).</summary>
    public T? Value { get; set; }

    /// <summary>Set when the body cannot be used at all (not JSON, not an object, wrong content type).</summary>
    public IResult? Refusal { get; init; }

    /// <summary>Fields whose value had the wrong type or an unknown name, keyed by camelCase field, in Chinese.</summary>
    public Dictionary<string, string[]> Errors { get; } = [];
}

/// <summary>
/// JSON of the API. Request bodies are read here rather than by the framework's binder, so that
/// malformed JSON, wrong types and unknown enum names become Chinese messages that name the field
/// (the binder answers a bare 400), and every bad field is reported at once.
/// </summary>
internal static class ApiJson
{
    /// <summary>Reading requests: enums by their exact English names only, times with an explicit offset.</summary>
    public static readonly JsonSerializerOptions RequestOptions = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new ExactEnumConverterFactory(), new OffsetRequiredConverter() },
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["userName"] = "用户名",
        ["password"] = "密码",
        ["customerId"] = "客户编号",
        ["customerName"] = "客户姓名",
        ["customerPhone"] = "联系电话",
        ["customerAddress"] = "客户地址",
        ["foreignCustomer"] = "是否境外客户",
        ["channel"] = "投诉渠道",
        ["content"] = "投诉内容",
        ["customerRequest"] = "客户要求",
        ["category"] = "投诉类别",
        ["severity"] = "严重程度",
        ["receivedAt"] = "受理时间",
        ["promisedReplyAt"] = "承诺答复时间",
        ["dayStart"] = "上班时间",
        ["dayEnd"] = "下班时间",
        ["repairNumber"] = "维修单号",
        ["address"] = "维修地址",
        ["contactName"] = "联系人",
        ["contactPhone"] = "联系人电话",
        ["productModel"] = "产品型号",
        ["serialNumber"] = "序列号",
        ["purchaseDate"] = "购买日期",
        ["warrantyOverride"] = "人工认定保修",
        ["warrantyOverrideReason"] = "人工认定保修的理由",
        ["faultCategory"] = "故障类别",
        ["faultDescription"] = "故障描述",
        ["requestedVisitAt"] = "期望上门时间",
        ["isRemote"] = "是否外地",
        ["technician"] = "维修人员",
        ["appointmentAt"] = "预约时间",
        ["newAppointmentAt"] = "新的预约时间",
        ["faultCause"] = "故障原因",
        ["plan"] = "维修方案",
        ["notProductFault"] = "是否非产品质量问题",
        ["lines"] = "报价项目",
        ["travelCost"] = "路费",
        ["prepaidFee"] = "预收费用",
        ["workDone"] = "维修内容",
        ["parts"] = "更换的配件",
        ["testResult"] = "测试结果",
        ["testRefused"] = "客户是否拒绝测试",
        ["feeCollected"] = "收取费用",
        ["customerSignature"] = "客户签字",
        ["completedAt"] = "完工时间",
        ["name"] = "名称",
        ["kind"] = "类别",
        ["unit"] = "单位",
        ["price"] = "单价",
        ["validFrom"] = "生效日期",
        ["warrantyMonths"] = "保修期（月）",
        ["collectFeeBeforeRepair"] = "是否先收费后维修",
        ["version"] = "版本号",
        ["note"] = "备注",
        ["reason"] = "原因",
        ["validRateBase"] = "有效投诉率的基数",
        ["activeCustomers"] = "活跃客户数",
        ["serviceOrders"] = "服务单数",
    };

    /// <summary>Responses: enums as their English names (also makes the OpenAPI document list them).</summary>
    public static void ConfigureResponses(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new BeijingTimeConverter());
        options.Converters.Add(new RegisterAddressConverter());
        options.Converters.Add(new RepairRegisterAddressConverter());
        options.Converters.Add(new TargetValueConverter());
        options.Converters.Add(new CountConverter());
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    public static string Label(string field) => Labels.GetValueOrDefault(field, $"字段“{field}”");

    /// <summary>
    /// A body every field of which must be readable: its value, or the answer to give instead — the body's refusal
    /// (<see cref="RequestBody{T}.Refusal"/>: 415, or 400 when it is no JSON object) or 400 naming each field that could
    /// not be read. Endpoints that report unreadable fields together with their own checks read <see cref="ReadAsync{T}"/>.
    /// </summary>
    public static async Task<(T Value, IResult? Problem)> ReadValidAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        var body = await ReadAsync<T>(request, ct);
        if (body.Refusal is not null) return (null!, body.Refusal);
        if (body.Errors.Count > 0) return (null!, ApiProblems.Invalid(body.Errors));
        return (body.Value!, null);
    }

    public static async Task<RequestBody<T>> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        // Requiring a JSON content type also keeps cookie-authenticated cross-site form posts out.
        if (!request.HasJsonContentType())
            return new() { Refusal = ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "请求格式不受支持", "请求内容必须是 JSON，并带请求头 Content-Type: application/json。") };

        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, documentOptions: DocumentOptions, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"（第 {line + 1} 行第 {(ex.BytePositionInLine ?? 0) + 1} 个字节附近）" : "";
            return new() { Refusal = ApiProblems.Problem(StatusCodes.Status400BadRequest, "请求内容不是有效的 JSON", $"请求内容不是有效的 JSON{where}，请检查括号、引号、逗号，以及是否有重复的字段。") };
        }
        if (node is not JsonObject body)
            return new() { Refusal = ApiProblems.Problem(StatusCodes.Status400BadRequest, "请求内容不是 JSON 对象", "请求内容必须是一个 JSON 对象，例如 {\"userName\": \"…\"}。") };

        var result = new RequestBody<T>();
        // Each failed attempt names one bad field: note it, drop it, and read the rest again (one attempt per field and one
        // for what is left: counted before dropping, or a body mostly of bad fields ended in the refusal below).
        var fields = body.Count;
        for (var attempt = 0; attempt <= fields; attempt++)
        {
            try
            {
                result.Value = body.Deserialize<T>(RequestOptions) ?? throw new JsonException();
                return result;
            }
            catch (JsonException ex) when (TopProperty(ex.Path) is { } name && body.ContainsKey(name))
            {
                var property = typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                var field = property is null ? name : JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                // A body may name a field for itself ([DisplayName]), e.g. a repair's channel is 报修渠道, a complaint's 投诉渠道.
                var label = property?.GetCustomAttribute<System.ComponentModel.DisplayNameAttribute>()?.DisplayName ?? Label(field);
                result.Errors[field] = [FieldMessage(label, property?.PropertyType, body[name])];
                body.Remove(name);
            }
            catch (JsonException)
            {
                break;
            }
        }
        return new() { Refusal = ApiProblems.Problem(StatusCodes.Status400BadRequest, "请求内容无法读取", "请求内容无法按接口说明读取，请对照 /openapi/v1.json 检查字段和类型。") };
    }

    private static string FieldMessage(string label, Type? type, JsonNode? raw)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (t is { IsEnum: true })
            return $"{label}“{Shorten(raw)}”无效，可选值：{string.Join("、", Enum.GetNames(t))}（区分大小写）";
        if (t == typeof(bool)) return $"{label}必须是 true 或 false";
        if (t == typeof(int)) return $"{label}必须是整数";
        if (t == typeof(decimal)) return $"{label}必须是数字（金额最多两位小数），如 150.00";
        if (t == typeof(DateOnly)) return $"{label}格式不正确，应为 yyyy-MM-dd，如 2026-03-15";
        if (t is { IsGenericType: true } && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)) return $"{label}必须是 JSON 数组，每项的字段见接口说明";
        if (t == typeof(DateTimeOffset)) return $"{label}格式不正确，应为带时区的 ISO 8601 时间，如 2026-11-24T10:00:00+08:00";
        if (t == typeof(string)) return $"{label}必须是文本（字符串）";
        return $"{label}的值无效";
    }

    private static string Shorten(JsonNode? raw)
    {
        var text = raw is JsonValue v && v.TryGetValue<string>(out var s) ? s : raw?.ToJsonString() ?? "null";
        return text.Length <= 40 ? text : text[..40] + "…";
    }

    /// <summary>The top-level property named by a JSON path such as <c>$.channel</c> or <c>$['channel']</c>.</summary>
    internal static string? TopProperty(string? path)
    {
        if (path is null || !path.StartsWith('$')) return null;
        var rest = path.AsSpan(1);
        if (rest.StartsWith("['"))
        {
            var end = rest.IndexOf("']", StringComparison.Ordinal);
            return end < 0 ? null : rest[2..end].ToString();
        }
        if (!rest.StartsWith(".")) return null;
        rest = rest[1..];
        var stop = rest.IndexOfAny('.', '[');
        return (stop < 0 ? rest : rest[..stop]).ToString();
    }

    private sealed class ExactEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ExactEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    /// <summary>Accepts only the exact English name ("Phone"): no numbers, no other casing, no lists.</summary>
    private sealed class ExactEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var text = reader.GetString();
                foreach (var value in Enum.GetValues<TEnum>())
                {
                    if (string.Equals(value.ToString(), text, StringComparison.Ordinal)) return value;
                }
            }
            throw new JsonException();
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    /// <summary>
    /// The domain's times (UTC) as the portal's local time with its offset (+08:00), to the second:
    /// 2026-11-24T10:00:00+08:00. Read back, any ISO 8601 time with an offset becomes UTC.
    /// </summary>
    internal sealed class BeijingTimeConverter : JsonConverter<DateTime>
    {
        private static readonly PortalClock Clock = new(TimeProvider.System);

        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().UtcDateTime;

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Of(Clock, value));

        /// <summary>A stored UTC time as the portal's local time with its offset, to the second.</summary>
        public static DateTimeOffset Of(PortalClock clock, DateTime utc)
        {
            var local = clock.ToOffset(utc);
            return local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond));
        }
    }

    /// <summary>The cases of a KPI figure as the register's address that lists them (<see cref="ComplaintQueryString.RegisterUrl"/>).</summary>
    internal sealed class RegisterAddressConverter : WriteOnlyConverter<ComplaintQuery>
    {
        public override void Write(Utf8JsonWriter writer, ComplaintQuery value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ComplaintQueryString.RegisterUrl(value));
    }

    /// <summary>The repair orders of a KPI figure as the repair register's address that lists them (<see cref="RepairQueryString.RegisterUrl"/>).</summary>
    internal sealed class RepairRegisterAddressConverter : WriteOnlyConverter<RepairQuery>
    {
        public override void Write(Utf8JsonWriter writer, RepairQuery value, JsonSerializerOptions options) =>
            writer.WriteStringValue(RepairQueryString.RegisterUrl(value));
    }

    /// <summary>A KPI target as its value (its kind is written beside it as targetKind).</summary>
    internal sealed class TargetValueConverter : WriteOnlyConverter<KpiTarget>
    {
        public override void Write(Utf8JsonWriter writer, KpiTarget value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    /// <summary>A count of cases as the number (the cases' address is written beside it).</summary>
    internal sealed class CountConverter : WriteOnlyConverter<CountFigure>
    {
        public override void Write(Utf8JsonWriter writer, CountFigure value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Count);
    }

    /// <summary>A value the API only answers with, never reads.</summary>
    internal abstract class WriteOnlyConverter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException($"{typeof(T).Name} is only written");
    }

    /// <summary>ISO 8601 with an explicit offset (Z or ±hh:mm): a time without one would be read in the server's zone.</summary>
    private sealed class OffsetRequiredConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value) && HasOffset(reader.GetString()!))
                return value;
            throw new JsonException();
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);

        private static bool HasOffset(string text)
        {
            var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
            if (t < 0) return false;
            var time = text.AsSpan(t);
            return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') > 0;
        }
    }
}
