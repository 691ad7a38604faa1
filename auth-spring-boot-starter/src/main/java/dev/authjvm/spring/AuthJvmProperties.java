package dev.authjvm.spring;

import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.config.SessionStrategy;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code authjvm.*} settings. Each one left unset falls back to its {@code AUTH_*} environment
 * variable, then to the core's default, exactly as {@code AuthConfig.builder()} does.
 *
 * @param secret                      The secret that encrypts session and check cookies and signs CSRF tokens; at least 32 characters (openssl rand -base64 33). Default: AUTH_SECRET (and AUTH_SECRET_1..3).
 * @param previousSecrets             Secrets used before this one, newest first: still accepted for decryption while sessions made with them live (rotation). Only with authjvm.secret.
 * @param url                         The canonical URL, e.g. https://example.com/api/auth; its origin is used for every absolute URL and its path, if any, is the base path. Default: AUTH_URL.
 * @param trustHost                   Whether X-Forwarded-Host and X-Forwarded-Proto are believed (behind your own reverse proxy). Default: AUTH_TRUST_HOST, else false.
 * @param allowedHosts                Without a URL: the hosts requests may name (example.com, example.com:8443, *.example.com); loopback hosts are always allowed, any other host gets 400 UntrustedHost. Default: AUTH_ALLOWED_HOSTS.
 * @param basePath                    Where the API is mounted. Default: the path of the URL, else /api/auth.
 * @param protocolVersion             v5 (Auth.js, authjs.* cookies) or v4 (NextAuth v4 and the v3 client, next-auth.* cookies). Default: AUTH_PROTOCOL_VERSION, else v5.
 * @param session                     Session lifetime and strategy.
 * @param useSecureCookies            Forces Secure cookies and the __Secure-/__Host- prefixes on or off. Default: follow the scheme of the origin.
 * @param refreshTokens               JWT sessions keep the OAuth provider's tokens and refresh the access token when due. Default: AUTH_REFRESH_TOKENS, else false.
 * @param federatedSignOut            Sign-out also ends the session at the OpenID Connect provider. Default: AUTH_FEDERATED_SIGNOUT, else false.
 * @param upgradeV4Sessions           A v5 server also accepts a NextAuth v4 session cookie and answers it with a v5 one, so users of a NextAuth v4 app stay signed in. Default: AUTH_UPGRADE_V4_SESSIONS, else false.
 * @param rateLimit                   Failed credentials sign-ins allowed per submitted identifier, e.g. 5/m, 10/15m, 100/h, or off; counted in the store when it keeps counters (JDBC, Redis). Default: AUTH_RATE_LIMIT, else off.
 * @param emailRateLimit              Email links allowed per address, e.g. 5/h, or off. Default: AUTH_EMAIL_RATE_LIMIT, else 5/h.
 * @param credentialsDatabaseSessions Lets credentials sign-ins create database sessions (Auth.js refuses the combination).
 * @param store                       Where database sessions, users and accounts live: none (JWT sessions, unless an AUTH_JDBC_URL or AUTH_REDIS_URL store jar configures itself), jdbc (the application's DataSource bean) or redis (authjvm.redis.url).
 * @param jdbc                        The JDBC store on the application's DataSource.
 * @param redis                       The Redis store.
 * @param protectedPaths              Path patterns (Spring MVC syntax, e.g. /account/**) only signed-in requests reach: pages are sent to the sign-in page, API calls get 401.
 */
@ConfigurationProperties("authjvm")
public record AuthJvmProperties(
    String secret,
    @DefaultValue List<String> previousSecrets,
    String url,
    Boolean trustHost,
    @DefaultValue List<String> allowedHosts,
    String basePath,
    ProtocolVersion protocolVersion,
    @DefaultValue Session session,
    Boolean useSecureCookies,
    Boolean refreshTokens,
    Boolean federatedSignOut,
    Boolean upgradeV4Sessions,
    String rateLimit,
    String emailRateLimit,
    boolean credentialsDatabaseSessions,
    @DefaultValue("none") StoreKind store,
    @DefaultValue Jdbc jdbc,
    @DefaultValue Redis redis,
    @DefaultValue List<String> protectedPaths) {

  /** Which store {@code authjvm.store} selects. */
  public enum StoreKind {
    NONE, JDBC, REDIS
  }

  /**
   * @param maxAge    How long a session lives without activity; a number alone is seconds. Default: AUTH_SESSION_MAX_AGE, else 30 days.
   * @param updateAge How often a database session's expiry is written back; a number alone is seconds. Default: AUTH_SESSION_UPDATE_AGE, else 24 hours.
   * @param strategy  jwt (an encrypted cookie) or database (needs a store). Default: database with a store, else jwt.
   * @param shortMaxAge    How long a session lives without activity when the user chose not to be remembered (rememberMe=false); its cookie ends with the browser. Default: AUTH_SESSION_SHORT_MAX_AGE, else 1 day.
   * @param absoluteMaxAge How long a session lives at most from its sign-in, however active. Default: AUTH_SESSION_ABSOLUTE_MAX_AGE, else no limit.
   * @param tracking       Whether sessions are recorded in a store that keeps session records, so they can be listed and revoked. Default: AUTH_SESSION_TRACKING, else true.
   */
  public record Session(@DurationUnit(ChronoUnit.SECONDS) Duration maxAge,
                        @DurationUnit(ChronoUnit.SECONDS) Duration updateAge,
                        SessionStrategy strategy,
                        @DurationUnit(ChronoUnit.SECONDS) Duration shortMaxAge,
                        @DurationUnit(ChronoUnit.SECONDS) Duration absoluteMaxAge,
                        Boolean tracking) {}

  /**
   * @param createSchema Whether the store creates its missing tables at start-up (else run the shipped schema through your migrations).
   * @param schema       The tables it runs on: {@code native} (its own {@code auth_*} tables) or {@code prisma} (those of
   *                     Auth.js's Prisma adapter, to share the database with an Auth.js app).
   */
  public record Jdbc(@DefaultValue("false") boolean createSchema, @DefaultValue("native") String schema) {}

  /**
   * @param url       The Redis URL, redis://[:password@]host:port/db or rediss://.
   * @param keyPrefix The prefix of every key, so several applications can share a Redis.
   * @param cluster   Whether the URL names a node of a Redis Cluster.
   */
  public record Redis(String url, @DefaultValue("authjs:") String keyPrefix, @DefaultValue("false") boolean cluster) {}
}
