package dev.authjvm.core.config;

/**
 * Response headers that keep the built-in pages and the tokens they carry where they belong. Every
 * answer gets {@code X-Content-Type-Options} and {@code Referrer-Policy} (an email link's URL holds its
 * token, and must not leak to the next site as a referrer); HTML pages also get the framing headers
 * (against clickjacking of the sign-in and sign-out forms); pages and answers that carry a token or
 * set a cookie get {@code Cache-Control}. A {@code null} value leaves that header out.
 *
 * <pre>{@code
 * // Pages embedded in your own site's frames:
 * builder.securityHeaders(SecurityHeaders.DEFAULT.withFrameAncestors("'self'"));
 * }</pre>
 */
public record SecurityHeaders(String frameOptions, String contentSecurityPolicy, String contentTypeOptions,
                              String referrerPolicy, String cacheControl) {

  public static final SecurityHeaders DEFAULT = new SecurityHeaders("DENY", "frame-ancestors 'none'", "nosniff",
      "no-referrer", "no-store");

  /**
   * Lets the pages be framed by these CSP sources (e.g. {@code 'self' https://app.example.com}); drops
   * {@code X-Frame-Options}, which cannot name other origins.
   */
  public SecurityHeaders withFrameAncestors(String sources) {
    return new SecurityHeaders(null, "frame-ancestors " + sources, contentTypeOptions, referrerPolicy, cacheControl);
  }

  /**
   * The Content-Security-Policy of a page that runs scripts of this server's own (the sign-in page's passkey
   * script): this policy plus {@code script-src} naming exactly those URLs (their query left out, as CSP
   * matches without it), so no inline script and no script from elsewhere runs. With no policy configured,
   * the {@code script-src} alone.
   */
  public String contentSecurityPolicyWithScripts(java.util.List<String> scriptUrls) {
    String scripts = "script-src " + String.join(" ", scriptUrls.stream().map(u -> u.replaceFirst("[?#].*", "")).toList());
    return contentSecurityPolicy == null ? scripts : contentSecurityPolicy + "; " + scripts;
  }

  public SecurityHeaders withReferrerPolicy(String policy) {
    return new SecurityHeaders(frameOptions, contentSecurityPolicy, contentTypeOptions, policy, cacheControl);
  }

  public SecurityHeaders withCacheControl(String value) {
    return new SecurityHeaders(frameOptions, contentSecurityPolicy, contentTypeOptions, referrerPolicy, value);
  }
}
