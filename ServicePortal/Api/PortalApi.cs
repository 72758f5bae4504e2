namespace ServicePortal.Api;

internal static class PortalApi
{
    public static void MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        _ = endpoints.MapGroup("/api");
    }
}
