namespace PeerGrid.Web.Hosting;

/// <summary>Headers every response carries: no sniffing, no framing, no referrer leaks, a strict content policy.</summary>
internal static class SecurityHeaders
{
    public static Task Add(HttpContext context, Func<Task> next)
    {
        IHeaderDictionary h = context.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        return next();
    }
}
