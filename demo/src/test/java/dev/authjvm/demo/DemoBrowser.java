package dev.authjvm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A client with its own cookies against one running demo. */
final class DemoBrowser {
  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

  DemoBrowser(String base) {
    this.base = base;
  }

  String body(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Signs in as demo / demo the way the v5 client posts it; answers the session cookie's value. */
  String signInAsDemo() throws Exception {
    String csrf = body("/api/auth/csrf").replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
    HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/callback/credentials"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Auth-Return-Redirect", "1")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf + "&username=demo&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, signIn.statusCode(), signIn.body());
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("authjs.session-token"))
        .findFirst().orElseThrow().getValue();
  }
}
