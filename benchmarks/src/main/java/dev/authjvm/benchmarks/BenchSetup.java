package dev.authjvm.benchmarks;

import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.callback.JwtTrigger;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.CredentialsSignInException;
import dev.authjvm.core.user.User;
import java.util.Map;
import java.util.Optional;

/**
 * The one configuration every benchmark measures, so our servers do the same work as the Auth.js
 * reference server (conformance-tests/authjs-reference/server.mjs): same secret, same credentials
 * provider, same jwt callback. Written out here rather than taken from the test kit, so the benchmark
 * jar does not depend on test code.
 */
public final class BenchSetup {
  /** Also passed to the Auth.js server as AUTH_SECRET by scripts/bench.sh. */
  public static final String SECRET = "authjvm-benchmark-secret-0123456789abcdef";

  private BenchSetup() {}

  /** {@code demo}/{@code demo} signs in "Demo User"; {@code locked} is refused; {@code big} gets a token over 4 KB. */
  public static CredentialsProvider credentials() {
    return CredentialsProvider.builder()
        .field("username", "Username", "text", "")
        .field("password", "Password", "password", "")
        .authorize((form, request) -> {
          String user = form.get("username");
          if ("locked".equals(user)) {
            throw new CredentialsSignInException("account_locked");
          }
          boolean big = "big".equals(user);
          if (("demo".equals(user) || big) && "demo".equals(form.get("password"))) {
            return Optional.of(new User(big ? "2" : "1", big ? "Big User" : "Demo User", user + "@example.com", null, null));
          }
          return Optional.empty();
        })
        .build();
  }

  /** The reference server's jwt callback: a 6000-character claim for "big", {@code update({name})} renames. */
  public static Callbacks callbacks() {
    return Callbacks.DEFAULTS.withJwt(p -> {
      var token = p.token();
      if (p.user() != null && "2".equals(p.user().id())) {
        token = token.with("blob", "x".repeat(6000));
      }
      if (p.trigger() == JwtTrigger.UPDATE && p.update() instanceof Map<?, ?> data && data.get("name") instanceof String n) {
        token = token.with("name", n);
      }
      return token;
    });
  }

  /**
   * Nothing from the process environment: a stray AUTH_* variable must not change what is measured. The jwt
   * callback above computes only, so it is declared non-blocking, as an application would declare it.
   */
  public static AuthConfigBuilder builder() {
    return AuthConfig.builder().secret(SECRET).environment(Environment.of(Map.of()))
        .discoverProviders(false).discoverStore(false)
        .provider(credentials()).callbacks(callbacks()).nonBlockingCallbacks(true);
  }
}
