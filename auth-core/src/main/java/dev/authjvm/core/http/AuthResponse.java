package dev.authjvm.core.http;

import dev.authjvm.core.internal.codec.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the core answers: the adapter writes the status, the header fields, one {@code Set-Cookie}
 * field per cookie ({@link SetCookie#toHeaderValue()}), and the body, and does nothing else.
 *
 * <p>Header values are printable ASCII, always: anything else (control characters, and every non-ASCII
 * character, which some servers write as a single byte, so that U+010D U+010A would arrive as CR LF) is
 * percent-encoded as UTF-8, as a browser does with a URL. No value can split a header or start a new one.
 */
public record AuthResponse(int status, HttpHeaders headers, List<SetCookie> cookies, byte[] body) {

  public static final String JSON = "application/json";
  public static final String HTML = "text/html; charset=utf-8";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  public AuthResponse {
    headers = headers == null ? HttpHeaders.empty() : printable(headers);
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

  private static HttpHeaders printable(HttpHeaders headers) {
    HttpHeaders.Builder safe = null;
    for (int i = 0; i < headers.fields().size(); i++) {
      Map.Entry<String, String> f = headers.fields().get(i);
      boolean url = f.getKey().equalsIgnoreCase("Location");
      String value = f.getValue() == null ? "" : f.getValue();
      String encoded = needsEncoding(value, url) ? encode(value, url) : value;
      if (encoded != value && safe == null) {
        safe = HttpHeaders.builder();
        for (int j = 0; j < i; j++) {
          safe.add(headers.fields().get(j).getKey(), headers.fields().get(j).getValue());
        }
      }
      if (safe != null) {
        safe.add(f.getKey(), encoded);
      }
    }
    return safe == null ? headers : safe.build();
  }

  private static boolean needsEncoding(String value, boolean url) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || url && c == ' ') {
        return true;
      }
    }
    return false;
  }

  private static String encode(String value, boolean url) {
    StringBuilder sb = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c <= 0x7e && !(url && c == ' ')) {
        sb.append(c);
        continue;
      }
      int cp = value.codePointAt(i);
      if (Character.isSupplementaryCodePoint(cp)) {
        i++;
      }
      String ch = Character.isSurrogate((char) cp) ? "\uFFFD" : new String(Character.toChars(cp));
      for (byte b : ch.getBytes(StandardCharsets.UTF_8)) {
        sb.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return sb.toString();
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
