package dev.authjvm.client.testing;

import dev.authjvm.core.callback.JwtParams;
import dev.authjvm.core.callback.JwtTrigger;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.cookie.CookieFactory;
import dev.authjvm.core.cookie.CookieNames;
import dev.authjvm.core.cookie.SessionCookieChunks;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place this module uses the core's internals (codec, cookie names, chunking, the jwt callback's
 * parameters), repeating what the core does on a credentials sign-in with JWT sessions. To be replaced
 * by a core API that mints the cookies itself, e.g. {@code Auth#mintSessionCookies(User, boolean secure)}
 * returning the {@code SetCookie}s a sign-in would set, so nothing here can drift from the server.
 */
final class CoreSessionMinter {
  private CoreSessionMinter() {}

  /** The session cookies (name to value, chunked when large) of a credentials sign-in of {@code user}. */
  static Map<String, String> mint(AuthConfig config, User user, boolean secure) {
    if (config.sessionStrategy() != SessionStrategy.JWT) {
      throw new IllegalArgumentException("session cookies can be minted only for JWT sessions; this configuration keeps "
          + "sessions in a database (sessionStrategy " + config.sessionStrategy() + "): sign in over HTTP instead "
          + "(AuthTesting.signedIn)");
    }
    boolean v5 = config.protocol() == ProtocolVersion.V5;
    String name = CookieNames.of(config.protocol(), secure).sessionToken();
    Map<String, Object> initial = new LinkedHashMap<>();
    initial.put("name", user.name());
    initial.put("email", user.email());
    initial.put("picture", user.image());
    initial.put("sub", user.id());
    Account account = Account.of(user.id(), "credentials", "credentials", user.id());
    JwtClaims token = config.callbacks().jwt().jwt(new JwtParams(JwtClaims.of(initial), user, account, Map.of(), false,
        JwtTrigger.SIGN_IN, null));
    if (token == null) {
      throw new IllegalArgumentException("the application's jwt callback refused a sign-in of " + user.id());
    }
    JwtCodec codec = new JwtCodec(config.secrets(), v5 ? JweFormat.V5 : JweFormat.V4, config.clock(), List.of());
    // v5 salts the key with the cookie name, v4 with nothing.
    String jwt = codec.encode(token, config.sessionMaxAge(), v5 ? name : "");
    Instant expires = config.clock().instant().plus(config.sessionMaxAge());
    int chunk = v5 ? SessionCookieChunks.V5_CHUNK_SIZE : SessionCookieChunks.V4_CHUNK_SIZE;
    Map<String, String> cookies = new LinkedHashMap<>();
    for (SetCookie c : SessionCookieChunks.write(name, jwt, expires, chunk, Map.of(), new CookieFactory(secure))) {
      cookies.put(c.name(), c.value());
    }
    return cookies;
  }
}
