package dev.authjvm.client;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Configures an {@link AuthClient}. Every setting is checked here or in {@link #build()}, with a message
 * that names it.
 */
public final class AuthClientBuilder {
  private static final System.Logger LOG = System.getLogger(AuthClient.class.getName());

  private String baseUrl;
  private AuthProtocol protocol = AuthProtocol.V5;
  private Duration refetchInterval;
  private Consumer<AuthClientException> onPollFailure =
      e -> LOG.log(Level.WARNING, "polling the session failed: " + e.getMessage(), e);
  private final List<SessionListener> listeners = new ArrayList<>();
  private final List<String> cookies = new ArrayList<>();
  private SSLContext sslContext;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration requestTimeout = Duration.ofSeconds(30);

  AuthClientBuilder() {}

  /**
   * The Auth.js API's URL, e.g. {@code https://example.com/api/auth} (what {@code AUTH_URL} /
   * {@code NEXTAUTH_URL} is on the server). Without a path, {@code /api/auth} is meant, as in the
   * official client.
   */
  public AuthClientBuilder baseUrl(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    return this;
  }

  /** The protocol generation: {@link AuthProtocol#V5} (the default) or {@link AuthProtocol#V4}. */
  public AuthClientBuilder protocol(AuthProtocol protocol) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    return this;
  }

  /**
   * Refetch the session this often while signed in, as {@code SessionProvider}'s
   * {@code refetchInterval}, on a daemon thread that {@link AuthClient#close()} stops. Off by default.
   */
  public AuthClientBuilder refetchInterval(Duration interval) {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("refetchInterval must be a positive duration, got " + interval);
    }
    this.refetchInterval = interval;
    return this;
  }

  /** What to do when a polled refetch fails; by default it is logged as a warning. */
  public AuthClientBuilder onPollFailure(Consumer<AuthClientException> handler) {
    this.onPollFailure = Objects.requireNonNull(handler, "onPollFailure");
    return this;
  }

  /** A listener registered from the start; see {@link AuthClient#addSessionListener}. */
  public AuthClientBuilder sessionListener(SessionListener listener) {
    listeners.add(Objects.requireNonNull(listener, "sessionListener"));
    return this;
  }

  /**
   * A cookie the client starts with, for the base URL's host and every path ({@code Secure} when the
   * base URL is https): a session cookie kept from before, or one minted for a test.
   */
  public AuthClientBuilder cookie(String name, String value) {
    Objects.requireNonNull(name, "cookie name");
    Objects.requireNonNull(value, "cookie value");
    if (name.indexOf('=') >= 0 || (name + value).indexOf(';') >= 0) {
      throw new IllegalArgumentException("cookie " + name + ": a name may not contain '=' or ';', a value not ';'");
    }
    cookies.add(name + "=" + value);
    return this;
  }

  /** The TLS context for https, e.g. one that trusts a test server's own certificate. */
  public AuthClientBuilder sslContext(SSLContext sslContext) {
    this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
    return this;
  }

  /** How long to wait for a connection; 10 s by default. */
  public AuthClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
    return this;
  }

  /** How long to wait for each answer; 30 s by default. */
  public AuthClientBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = positive(timeout, "requestTimeout");
    return this;
  }

  /** The client; starts polling when {@link #refetchInterval} is set. */
  public AuthClient build() {
    URI base = base();
    CookieJar jar = new CookieJar(Clock.systemUTC());
    boolean https = "https".equals(base.getScheme());
    for (String cookie : cookies) {
      try {
        jar.store(base, List.of(cookie + "; Path=/" + (https ? "; Secure" : "")));
      } catch (AuthClientException e) {
        throw new IllegalArgumentException("cookie: " + e.getMessage(), e);
      }
    }
    // HTTP/1.1: a cleartext HTTP/2 upgrade request confuses some proxies and gains nothing for a few small requests.
    HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout);
    if (sslContext != null) {
      http.sslContext(sslContext);
    }
    SessionWatch watch = new SessionWatch();
    listeners.forEach(watch::add);
    AuthClient client = new AuthClient(base, protocol, jar, new AuthHttp(http.build(), base, protocol, jar, requestTimeout), watch);
    if (refetchInterval != null) {
      watch.poll(refetchInterval, client::session, onPollFailure);
    }
    return client;
  }

  /** The base URL without a trailing slash; {@code /api/auth} when it has no path. */
  private URI base() {
    if (baseUrl == null) {
      throw new IllegalStateException("baseUrl is required, e.g. https://example.com/api/auth");
    }
    URI u;
    try {
      u = new URI(baseUrl.strip());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl + " (" + e.getReason() + ")", e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an absolute http or https URL with a host, got " + baseUrl);
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must have no query or fragment, got " + baseUrl);
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + u.getRawAuthority() + (path.isEmpty() ? "/api/auth" : path));
  }

  private static Duration positive(Duration d, String setting) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(setting + " must be a positive duration, got " + d);
    }
    return d;
  }
}
