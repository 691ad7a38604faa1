package dev.authjvm.core.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the core answers: the adapter writes the status, the header fields, one {@code Set-Cookie}
 * field per cookie ({@link SetCookie#toHeaderValue()}), and the body, and does nothing else.
 */
public record AuthResponse(int status, HttpHeaders headers, List<SetCookie> cookies, byte[] body) {

  public static final String JSON = "application/json";
  public static final String HTML = "text/html; charset=utf-8";

  public AuthResponse {
    headers = headers == null ? HttpHeaders.empty() : headers;
    cookies = cookies == null ? List.of() : List.copyOf(cookies);
    body = body == null ? new byte[0] : body;
  }

  public static AuthResponse json(int status, Object value) {
    return of(status, JSON, Json.write(value));
  }

  public static AuthResponse html(int status, String document) {
    return of(status, HTML, document.getBytes(StandardCharsets.UTF_8));
  }

  public static AuthResponse text(int status, String text) {
    return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** A 302 to an absolute URL, with an empty body. */
  public static AuthResponse redirect(String location) {
    return new AuthResponse(302, HttpHeaders.builder().add("Location", location).build(), List.of(), null);
  }

  public static AuthResponse empty(int status) {
    return new AuthResponse(status, HttpHeaders.empty(), List.of(), null);
  }

  private static AuthResponse of(int status, String contentType, byte[] body) {
    return new AuthResponse(status, HttpHeaders.builder().add("Content-Type", contentType).build(), List.of(), body);
  }

  public Optional<String> header(String name) {
    return headers.first(name);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public AuthResponse withHeader(String name, String value) {
    return new AuthResponse(status, headers.toBuilder().set(name, value).build(), cookies, body);
  }

  public AuthResponse withStatus(int newStatus) {
    return new AuthResponse(newStatus, headers, cookies, body);
  }

  /** Adds cookies after the ones already set; a later cookie of the same name wins in the browser. */
  public AuthResponse withCookies(List<SetCookie> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<SetCookie> all = new ArrayList<>(cookies.size() + more.size());
    all.addAll(cookies);
    all.addAll(more);
    return new AuthResponse(status, headers, all, body);
  }

  /** Same response without a body, for HEAD. */
  public AuthResponse withoutBody() {
    return new AuthResponse(status, headers, cookies, null);
  }
}
