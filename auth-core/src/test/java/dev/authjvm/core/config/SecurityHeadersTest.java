package dev.authjvm.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A page that runs our own script allows exactly that script, and keeps the configured policy. */
class SecurityHeadersTest {
  static final String SCRIPT = "https://app.example.com/api/auth/webauthn-script/passkey";

  @Test
  void theDefaultPolicyGainsAScriptSrcOfExactlyTheScriptUrlWithoutItsQuery() {
    assertEquals("frame-ancestors 'none'; script-src " + SCRIPT,
        SecurityHeaders.DEFAULT.contentSecurityPolicyWithScripts(List.of(SCRIPT + "?v=0123456789abcdef")));
  }

  @Test
  void aRelaxedFramingPolicyIsKept() {
    assertEquals("frame-ancestors 'self'; script-src " + SCRIPT,
        SecurityHeaders.DEFAULT.withFrameAncestors("'self'").contentSecurityPolicyWithScripts(List.of(SCRIPT)));
  }

  @Test
  void withoutAConfiguredPolicyTheScriptSrcStandsAlone() {
    SecurityHeaders none = new SecurityHeaders(null, null, "nosniff", "no-referrer", "no-store");
    assertEquals("script-src " + SCRIPT, none.contentSecurityPolicyWithScripts(List.of(SCRIPT)));
  }
}
