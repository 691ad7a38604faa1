package dev.authjvm.core.internal.cookie;

import dev.authjvm.core.config.ProtocolVersion;

/**
 * The cookie names of one protocol generation in one security mode: {@code authjs.*} (v5) or
 * {@code next-auth.*} (v4), with {@code __Secure-} (and {@code __Host-} for CSRF) on https.
 */
public record CookieNames(String sessionToken, String csrfToken, String callbackUrl,
                          String pkceCodeVerifier, String state, String nonce, String webauthnChallenge) {

  public static CookieNames of(ProtocolVersion protocol, boolean secure) {
    String base = protocol == ProtocolVersion.V5 ? "authjs." : "next-auth.";
    String p = secure ? "__Secure-" + base : base;
    return new CookieNames(p + "session-token", (secure ? "__Host-" : "") + base + "csrf-token",
        p + "callback-url", p + "pkce.code_verifier", p + "state", p + "nonce", p + "challenge");
  }
}
