using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ServicePortal.Domain.Common;

/// <summary>
/// A change too big for one message of the backplane (<see cref="ChangeWire.MaxPayloadBytes"/>) that can be sent as two
/// smaller ones meaning the same to subscribers (e.g. the users of a notification, in two halves); empty when it cannot be split.
/// </summary>
public interface ISplittableChange<TChange>
{
    IReadOnlyList<TChange> Split();
}

/// <summary>
/// The JSON of one change between app instances (<see cref="PostgresChangeBackplane"/>):
/// <c>{"i":sender instance,"k":kind (the change's type),"c":the change}</c>, enums as names, under PostgreSQL's NOTIFY limit.
/// </summary>
internal static class ChangeWire
{
    /// <summary>NOTIFY refuses a payload of 8000 bytes or more (default build).</summary>
    public const int MaxPayloadBytes = 7999;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The name a change type travels under: the same on every instance of one build.</summary>
    public static string Kind(Type type) => type.FullName ?? type.Name;

    /// <summary>
    /// The payloads carrying <paramref name="change"/>: one, or several when it is too big and splits
    /// (<see cref="ISplittableChange{TChange}"/>); none when it is too big and cannot (the caller logs it).
    /// </summary>
    public static List<string> Payloads<TChange>(string instance, TChange change)
    {
        var json = new JsonObject { ["i"] = instance, ["k"] = Kind(typeof(TChange)), ["c"] = JsonSerializer.SerializeToNode(change, Json) }.ToJsonString();
        if (Encoding.UTF8.GetByteCount(json) <= MaxPayloadBytes) return [json];
        if (change is not ISplittableChange<TChange> splittable) return [];
        var parts = splittable.Split();
        return parts.Count < 2 ? [] : [.. parts.SelectMany(p => Payloads(instance, p))];
    }

    /// <summary>Reads a payload: null when it is not one of ours (malformed, no kind or no change).</summary>
    public static (string Instance, string Kind, JsonElement Change)? Read(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("i", out var instance) || instance.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("k", out var kind) || kind.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("c", out var change))
                return null;
            return (instance.GetString()!, kind.GetString()!, change.Clone());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static object? Change(JsonElement change, Type type) => change.Deserialize(type, Json);
}
