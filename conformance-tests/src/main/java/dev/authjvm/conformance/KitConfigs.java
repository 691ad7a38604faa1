package dev.authjvm.conformance;

import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.callback.JwtTrigger;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.CredentialsSignInException;
import dev.authjvm.core.user.User;
import java.util.Map;
import java.util.Optional;

/**
 * The server configurations the kit runs against. A server checked in black-box mode must be set up
 * like {@link #standard()}: see the kit's README.
 */
public final class KitConfigs {
  /** The secret of every kit configuration; also what a black-box server must use for the cookie checks. */
  public static final String SECRET = "conformance-kit-secret-0123456789abcdef";

  private KitConfigs() {}

  /**
   * A credentials provider {@code credentials}: {@code demo}/{@code demo} signs in "Demo User";
   * {@code locked} is refused with code {@code account_locked}; {@code big} gets a token over 4 KB.
   */
  public static CredentialsProvider credentials() {
    return credentials("");
  }

  /**
   * {@link #credentials()} whose users' ids and addresses start with {@code namespace}: users of their own in a
   * store that other sections share ({@link #callbacks()} then gives "big" no large claim).
   */
  public static CredentialsProvider credentials(String namespace) {
    return CredentialsProvider.builder()
        .field("username", "Username", "text", "")
        .field("password", "Password", "password", "")
        .authorize((form, request) -> {
          String user = form.get("username");
          if ("locked".equals(user)) {
            throw new CredentialsSignInException("account_locked");
          }
          if (("demo".equals(user) || "big".equals(user)) && "demo".equals(form.get("password"))) {
            return Optional.of(new User(namespace + ("big".equals(user) ? "2" : "1"),
                "big".equals(user) ? "Big User" : "Demo User", namespace + user + "@example.com", null, null));
          }
          return Optional.empty();
        })
        .build();
  }

  /** {@code update({name})} renames; the user "big" carries a 6000-character claim. */
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

  public static AuthConfigBuilder builder() {
    return builder("");
  }

  /** {@link #builder()} with the users of {@link #credentials(String)}. */
  public static AuthConfigBuilder builder(String namespace) {
    return AuthConfig.builder().secret(SECRET).environment(Environment.of(Map.of())).discoverProviders(false)
        .provider(credentials(namespace)).callbacks(callbacks());
  }

  public static AuthConfig standard() {
    return builder().build();
  }
}
