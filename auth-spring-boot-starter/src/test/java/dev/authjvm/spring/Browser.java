package dev.authjvm.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A client with its own cookie jar against one running application. */
final class Browser {
  private final String origin;
  private final String basePath;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

  Browser(String origin, String basePath) {
    this.origin = origin;
    this.basePath = basePath;
  }

  HttpResponse<String> get(String path, String accept) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(origin + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Signs in with the credentials provider as the v5 client does; answers the sign-in response. */
  HttpResponse<String> signIn(String password) throws Exception {
    String csrf = get(basePath + "/csrf", "*/*").body().replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(origin + basePath + "/callback/credentials"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Auth-Return-Redirect", "1")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r;
  }

  Optional<HttpCookie> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
  }
}
