package dev.authjvm.oidc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The user's browser as the identity provider sees it: a cookie jar (the provider's session lives in it)
 * and requests whose redirects are followed by the caller, one hop at a time.
 */
public final class UserAgent {
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  public HttpResponse<String> get(URI url) {
    return send(HttpRequest.newBuilder(url).GET());
  }

  /** A form POST ({@code application/x-www-form-urlencoded}). */
  public HttpResponse<String> post(URI url, Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Where a redirect points, resolved against the request's URL; empty when the answer is no redirect. */
  public static java.util.Optional<URI> redirect(HttpResponse<?> response) {
    if (response.statusCode() / 100 != 3) {
      return java.util.Optional.empty();
    }
    return response.headers().firstValue("Location").map(l -> response.uri().resolve(l));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
