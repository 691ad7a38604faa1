package dev.authjvm.core.internal.session;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.jwt.JwtClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The claims with which a JWT session keeps what the server knows of it: its id in the registry, when it
 * started, its own lifetime, whether its cookie outlives the browser, and which server-side update it has
 * seen. Named apart from claims an identity provider or a jwt callback might use ({@code sid},
 * {@code auth_time}), and carried over when a jwt callback returns a token without them.
 */
final class SessionClaims {
  static final String ID = "session_id";
  static final String START = "session_start";
  static final String MAX_AGE = "session_max_age";
  static final String REMEMBER = "session_remember";
  static final String UPDATE_SEEN = "session_update";
  private static final List<String> ALL = List.of(ID, START, MAX_AGE, REMEMBER, UPDATE_SEEN);

  private SessionClaims() {}

  /** A new session's claims: {@code id} only when it is tracked. */
  static JwtClaims started(JwtClaims token, String id, Lifetime lifetime, AuthConfig config) {
    Duration own = lifetime.storedMaxAge(config);
    return token.with(ID, id).with(START, lifetime.startedAt().getEpochSecond())
        .with(MAX_AGE, own == null ? null : own.toSeconds())
        .with(REMEMBER, lifetime.persistent() ? null : false);
  }

  /** The token's lifetime; a token without a start (made before these claims, or by Auth.js) starts now. */
  static Lifetime lifetime(JwtClaims token, AuthConfig config, Instant now) {
    Long start = token.epochSeconds(START);
    Long maxAge = token.epochSeconds(MAX_AGE);
    return new Lifetime(maxAge != null && maxAge > 0 ? Duration.ofSeconds(maxAge) : config.sessionMaxAge(),
        !Boolean.FALSE.equals(token.get(REMEMBER)), start != null ? Instant.ofEpochSecond(start) : now);
  }

  static String id(JwtClaims token) {
    return token.string(ID);
  }

  /** When the newest server-side update this token has seen was made, or {@code null}. */
  static Instant updateSeen(JwtClaims token) {
    Long millis = token.epochSeconds(UPDATE_SEEN);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  static JwtClaims withUpdateSeen(JwtClaims token, Instant at) {
    return token.with(UPDATE_SEEN, at.toEpochMilli());
  }

  /** {@code to} with every session claim of {@code from} that it lacks. */
  static JwtClaims carriedOver(JwtClaims from, JwtClaims to) {
    JwtClaims result = to;
    for (String claim : ALL) {
      if (result.get(claim) == null && from.get(claim) != null) {
        result = result.with(claim, from.get(claim));
      }
    }
    return result;
  }
}
