package dev.authjvm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Auth.js client API for the JVM: what {@code next-auth/react} gives a browser ({@code getSession},
 * {@code getCsrfToken}, {@code getProviders}, {@code signIn}, {@code signOut}, {@code update}) over
 * {@link java.net.http.HttpClient}, against any server that speaks the protocol: an authjvm server, or
 * Auth.js / NextAuth.js itself.
 *
 * <pre>{@code
 * try (AuthClient client = AuthClient.builder().baseUrl("https://example.com/api/auth").build()) {
 *   SignInResult result = client.signIn("credentials", Map.of("username", "alice", "password", "secret"));
 *   if (result.succeeded()) {
 *     System.out.println(client.session().orElseThrow().user().name());
 *   }
 * }
 * }</pre>
 *
 * <p>The client keeps its own cookies (never the JVM-wide {@link java.net.CookieHandler}), so each
 * instance is one browser profile: one signed-in user. It is thread-safe. It never navigates: every
 * sign-in and sign-out behaves as the official client's with {@code redirect: false}. A broken answer is
 * an {@link AuthClientException}, never an empty session.
 */
public final class AuthClient implements AutoCloseable {
  private final URI baseUrl;
  private final AuthProtocol protocol;
  private final CookieJar jar;
  private final AuthHttp http;
  private final SessionWatch watch;

  AuthClient(URI baseUrl, AuthProtocol protocol, CookieJar jar, AuthHttp http, SessionWatch watch) {
    this.baseUrl = baseUrl;
    this.protocol = protocol;
    this.jar = jar;
    this.http = http;
    this.watch = watch;
  }

  /** Starts configuring a client; {@link AuthClientBuilder#baseUrl} is required. */
  public static AuthClientBuilder builder() {
    return new AuthClientBuilder();
  }

  /** The API's base URL, e.g. {@code https://example.com/api/auth}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The protocol generation this client speaks. */
  public AuthProtocol protocol() {
    return protocol;
  }

  /**
   * {@code GET /session}: the current session, empty when signed out (v5 servers answer {@code null},
   * v4 servers {@code {}}). As in a browser, reading a JWT session renews its cookie. Listeners hear of
   * a change.
   */
  public Optional<Session> session() {
    Optional<Session> session = Answers.session(http.get("session"));
    watch.record(session);
    return session;
  }

  /** {@code GET /csrf}: the token state-changing requests carry; the server sets its cookie on first use. */
  public String csrfToken() {
    return Answers.csrfToken(http.get("csrf"));
  }

  /** {@code GET /providers}: the server's sign-in providers by id, in the server's order. */
  public Map<String, ClientProvider> providers() {
    return Answers.providers(http.get("providers"));
  }

  /** {@link #signIn(String, Map, SignInOptions)} with {@link SignInOptions#defaults()}. */
  public SignInResult signIn(String provider, Map<String, String> fields) {
    return signIn(provider, fields, SignInOptions.defaults());
  }

  /**
   * Signs in with a provider, as the official {@code signIn(provider, {...fields, redirect: false})}:
   * credentials are posted to {@code /callback/<id>} (signed in when {@link SignInResult#succeeded()}),
   * an email address to {@code /signin/email} (the link is sent); for OAuth and OpenID Connect the
   * result's {@code url} is the provider's authorization page, to open in a browser. After a 2xx answer
   * the session is refetched, so listeners hear of the sign-in.
   *
   * @param provider a provider id from {@link #providers()}
   * @param fields   the provider's fields: {@code username}/{@code password} (whatever the credentials
   *                 provider declares), {@code email}; empty for OAuth
   * @throws IllegalArgumentException when the server has no such provider, or it is a WebAuthn one
   */
  public SignInResult signIn(String provider, Map<String, String> fields, SignInOptions options) {
    Objects.requireNonNull(options, "options");
    Map<String, ClientProvider> providers = providers();
    ClientProvider p = providers.get(provider);
    if (p == null) {
      throw new IllegalArgumentException("the server at " + baseUrl + " has no provider \"" + provider
          + "\"; it offers " + providers.keySet());
    }
    if ("webauthn".equals(p.type())) {
      throw new IllegalArgumentException("provider \"" + provider + "\" is a WebAuthn provider, which needs a browser");
    }
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("csrfToken", csrfToken());
    form.put("callbackUrl", callbackUrl(options.callbackUrl()));
    jsonMode(form);
    String action = ("credentials".equals(p.type()) ? "callback/" : "signin/") + pathSegment(provider);
    SignInResult result = Answers.signIn(http.postForm(action, new TreeMap<>(options.authorizationParams()), form));
    if (result.ok()) {
      session();
    }
    return result;
  }

  /** {@link #signOut(SignOutOptions)} with {@link SignOutOptions#defaults()}. */
  public SignOutResult signOut() {
    return signOut(SignOutOptions.defaults());
  }

  /**
   * Signs out, as the official {@code signOut({redirect: false})}: the server ends the session and
   * deletes its cookie. The session is refetched afterwards, so listeners hear of it.
   */
  public SignOutResult signOut(SignOutOptions options) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrfToken", csrfToken());
    form.put("callbackUrl", callbackUrl(options.callbackUrl()));
    jsonMode(form);
    SignOutResult result = Answers.signOut(http.postForm("signout", Map.of(), form));
    session();
    return result;
  }

  /**
   * {@code update(data)} of {@code useSession()}: posts {@code data} to {@code /session}, where the
   * server's {@code jwt} callback (trigger {@code update}) may apply it, and returns the session the
   * server answers. To refetch without sending anything, call {@link #session()}.
   *
   * @param data any value Jackson can write as JSON, e.g. {@code Map.of("name", "New Name")}
   */
  public Optional<Session> update(Object data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("csrfToken", csrfToken());
    body.put("data", data);
    String json;
    try {
      json = Answers.JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("update data cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
    Optional<Session> session = Answers.session(http.postJson("session", json));
    watch.record(session);
    return session;
  }

  /** Listeners are told when the session changes; see {@link SessionListener}. */
  public void addSessionListener(SessionListener listener) {
    watch.add(listener);
  }

  /** Stops telling {@code listener} of changes. */
  public void removeSessionListener(SessionListener listener) {
    watch.remove(listener);
  }

  /**
   * The raw session token from this client's cookies, joined from its chunks ({@code name.0},
   * {@code name.1}, ...) when the server split it; empty without a session cookie. For database
   * sessions it is the session id.
   */
  public Optional<String> sessionToken() {
    boolean https = "https".equalsIgnoreCase(baseUrl.getScheme());
    String name = protocol.sessionCookieName(https);
    Map<Integer, String> chunks = new TreeMap<>();
    String plain = null;
    for (ClientCookie c : jar.snapshot()) {
      if (c.name().equals(name)) {
        plain = c.value();
      } else if (c.name().startsWith(name + ".") && c.name().substring(name.length() + 1).matches("\\d{1,3}")) {
        chunks.put(Integer.parseInt(c.name().substring(name.length() + 1)), c.value());
      }
    }
    if (!chunks.isEmpty()) {
      return Optional.of(String.join("", chunks.values()));
    }
    return Optional.ofNullable(plain).filter(v -> !v.isEmpty());
  }

  /** This client's cookies, e.g. to check which a server set. */
  public List<ClientCookie> cookies() {
    return jar.snapshot();
  }

  /**
   * The {@code Cookie} header this client would send to {@code uri}, empty when none goes there: call
   * your own application's pages and APIs as the signed-in user with any HTTP client.
   */
  public String cookieHeader(URI uri) {
    return jar.header(uri).orElse("");
  }

  /** Stops polling. Requests still work afterwards; the client holds nothing else to release. */
  @Override
  public void close() {
    watch.close();
  }

  /** Where a browser client would send its current page: here the root of the base URL's origin. */
  private String callbackUrl(String given) {
    return given != null ? given : http.origin() + "/";
  }

  private void jsonMode(Map<String, String> form) {
    if (protocol == AuthProtocol.V4) {
      form.put("json", "true");
    }
  }

  private static String pathSegment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
