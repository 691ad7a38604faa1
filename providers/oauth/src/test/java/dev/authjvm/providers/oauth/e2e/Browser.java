package dev.authjvm.providers.oauth.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for the tests: a cookie jar, redirects followed by hand so each hop can be inspected or
 * tampered with, and the identity provider's auto-submitting form_post page "submitted".
 */
final class Browser {
  private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
  private static final Pattern FORM_ACTION = Pattern.compile("<form action=\"([^\"]+)\"");

  final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(jar)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  HttpResponse<String> post(String url, Map<String, String> form) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String csrfToken(URI base) {
    Matcher m = CSRF.matcher(get(base + "/api/auth/csrf").body());
    if (!m.find()) {
      throw new AssertionError("no csrfToken");
    }
    return m.group(1);
  }

  /** {@code POST /signin/:id} with a valid CSRF token: the response redirects to the provider. */
  HttpResponse<String> startSignIn(URI base, String providerId) {
    return startSignIn(base, providerId, "");
  }

  HttpResponse<String> startSignIn(URI base, String providerId, String authorizationParams) {
    return post(base + "/api/auth/signin/" + providerId + authorizationParams,
        Map.of("csrfToken", csrfToken(base), "callbackUrl", base + "/welcome"));
  }

  /**
   * Starts a sign-in and lets the provider answer: the callback request the provider sends the
   * browser to, not yet made (a URL for GET, or a URL and form for form_post).
   */
  Callback toCallback(URI base, String providerId) {
    String authorize = location(startSignIn(base, providerId));
    HttpResponse<String> idp = get(authorize);
    if (idp.statusCode() == 302) {
      return new Callback(authorize, location(idp), Map.of());
    }
    Matcher action = FORM_ACTION.matcher(idp.body());
    if (idp.statusCode() != 200 || !action.find()) {
      throw new AssertionError("the provider answered " + idp.statusCode() + ": " + idp.body());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(idp.body());
    while (hidden.find()) {
      fields.put(hidden.group(1), hidden.group(2));
    }
    return new Callback(authorize, action.group(1), fields);
  }

  /** Where the provider sends the browser back; {@code form} is non-empty for response_mode=form_post. */
  record Callback(String authorizeUrl, String url, Map<String, String> form) {
    String param(String name) {
      return query(url).get(name);
    }

    Callback withUrl(String newUrl) {
      return new Callback(authorizeUrl, newUrl, form);
    }

    /** The authorization request's parameter, e.g. the nonce the server sent. */
    String authorizeParam(String name) {
      return query(authorizeUrl).get(name);
    }
  }

  HttpResponse<String> complete(Callback callback) {
    return callback.form().isEmpty() ? get(callback.url()) : post(callback.url(), callback.form());
  }

  /** The whole sign-in: start, provider, callback; returns the callback's response. */
  HttpResponse<String> signIn(URI base, String providerId) {
    return complete(toCallback(base, providerId));
  }

  String session(URI base) {
    return get(base + "/api/auth/session").body();
  }

  void dropCookie(String nameSuffix) {
    List<HttpCookie> all = List.copyOf(jar.getCookieStore().getCookies());
    for (HttpCookie c : all) {
      if (c.getName().endsWith(nameSuffix)) {
        jar.getCookieStore().getURIs().forEach(u -> jar.getCookieStore().remove(u, c));
      }
    }
  }

  static String location(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
        "expected a redirect, got " + r.statusCode() + ": " + r.body()));
  }

  static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    String q = URI.create(url).getRawQuery();
    if (q == null) {
      return out;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  static String encode(Map<String, String> form) {
    StringBuilder sb = new StringBuilder();
    form.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return sb.toString();
  }
}
