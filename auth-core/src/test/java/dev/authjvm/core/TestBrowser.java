package dev.authjvm.core;

import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.internal.codec.Json;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.codec.UriComponent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Drives an {@link Auth} in process like a browser: keeps cookies, posts forms. */
final class TestBrowser {
  final Auth auth;
  final String origin;
  final Map<String, String> cookies = new LinkedHashMap<>();

  TestBrowser(Auth auth, String origin) {
    this.auth = auth;
    this.origin = origin;
  }

  AuthResponse get(String path, String... headers) {
    return send(AuthRequest.of("GET", origin + path, headers(null, headers), null));
  }

  AuthResponse post(String path, Map<String, String> form, String... headers) {
    byte[] body = UriComponent.formatQuery(form).getBytes(StandardCharsets.UTF_8);
    return send(AuthRequest.of("POST", origin + path, headers("application/x-www-form-urlencoded", headers), body));
  }

  AuthResponse postJson(String path, Object json) {
    return send(AuthRequest.of("POST", origin + path, headers("application/json"), Json.write(json)));
  }

  /** A GET of an application page with this browser's cookies, for the server-side session API. */
  AuthRequest request(String path) {
    return AuthRequest.of("GET", origin + path, headers(null), null);
  }

  String csrfToken() {
    return (String) Json.readObject(get("/api/auth/csrf").body()).get("csrfToken");
  }

  /** Signs in with the v5 header mode and returns the response. */
  AuthResponse signIn(String user, String password) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrfToken", csrfToken());
    form.put("username", user);
    form.put("password", password);
    return post("/api/auth/callback/credentials", form, "X-Auth-Return-Redirect", "1");
  }

  private HttpHeaders headers(String contentType, String... pairs) {
    HttpHeaders.Builder b = HttpHeaders.builder();
    if (contentType != null) {
      b.add("Content-Type", contentType);
    }
    for (int i = 0; i < pairs.length; i += 2) {
      b.add(pairs[i], pairs[i + 1]);
    }
    if (!cookies.isEmpty()) {
      StringBuilder c = new StringBuilder();
      cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(UriComponent.encode(v)));
      b.add("Cookie", c.toString());
    }
    return b.build();
  }

  private AuthResponse send(AuthRequest request) {
    AuthResponse response = auth.handle(request);
    for (SetCookie c : response.cookies()) {
      if (c.isDeletion()) {
        cookies.remove(c.name());
      } else {
        cookies.put(c.name(), c.value());
      }
    }
    return response;
  }

  static Map<String, Object> json(AuthResponse r) {
    return Json.readObject(r.body());
  }
}
