package dev.authjvm.spring;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.ratelimit.RateLimit;
import java.util.ArrayList;
import java.util.List;

/** The builder with every {@code authjvm.*} property that is set; the core reads the environment for the rest. */
final class PropertiesConfig {
  private PropertiesConfig() {}

  static AuthConfigBuilder builder(AuthJvmProperties p) {
    AuthConfigBuilder b = AuthConfig.builder().credentialsDatabaseSessions(p.credentialsDatabaseSessions());
    if (p.secret() != null) {
      List<String> secrets = new ArrayList<>(List.of(p.secret()));
      secrets.addAll(p.previousSecrets());
      b.secret(secrets.toArray(String[]::new));
    } else if (!p.previousSecrets().isEmpty()) {
      throw new ConfigurationException("authjvm.previous-secrets needs authjvm.secret, the secret that encrypts now");
    }
    if (p.url() != null) {
      b.url(p.url());
    }
    if (p.trustHost() != null) {
      b.trustHost(p.trustHost());
    }
    if (!p.allowedHosts().isEmpty()) {
      b.allowedHosts(p.allowedHosts().toArray(String[]::new));
    }
    if (p.basePath() != null) {
      b.basePath(p.basePath());
    }
    if (p.protocolVersion() != null) {
      b.protocol(p.protocolVersion());
    }
    if (p.session().maxAge() != null) {
      b.sessionMaxAge(p.session().maxAge());
    }
    if (p.session().updateAge() != null) {
      b.sessionUpdateAge(p.session().updateAge());
    }
    if (p.session().strategy() != null) {
      b.sessionStrategy(p.session().strategy());
    }
    if (p.session().shortMaxAge() != null) {
      b.sessionShortMaxAge(p.session().shortMaxAge());
    }
    if (p.session().absoluteMaxAge() != null) {
      b.sessionAbsoluteMaxAge(p.session().absoluteMaxAge());
    }
    if (p.session().tracking() != null) {
      b.sessionTracking(p.session().tracking());
    }
    if (p.useSecureCookies() != null) {
      b.useSecureCookies(p.useSecureCookies());
    }
    if (p.refreshTokens() != null) {
      b.refreshAccessTokens(p.refreshTokens());
    }
    if (p.federatedSignOut() != null) {
      b.federatedSignOut(p.federatedSignOut());
    }
    if (p.upgradeV4Sessions() != null) {
      b.upgradeV4Sessions(p.upgradeV4Sessions());
    }
    if (p.rateLimit() != null) {
      b.credentialsRateLimit(rateLimit("authjvm.rate-limit", p.rateLimit()));
    }
    if (p.emailRateLimit() != null) {
      b.emailRateLimit(rateLimit("authjvm.email-rate-limit", p.emailRateLimit()));
    }
    return b;
  }

  /** As the core reads its variables, {@code off} or a limit such as {@code 5/m}, checked here to name the property. */
  private static String rateLimit(String property, String spec) {
    String s = spec.strip();
    if (!s.equalsIgnoreCase("off")) {
      try {
        RateLimit.parse(s);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(property + ": " + e.getMessage());
      }
    }
    return s;
  }
}
