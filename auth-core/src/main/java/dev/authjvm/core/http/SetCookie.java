package dev.authjvm.core.http;

import dev.authjvm.core.internal.codec.UriComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A {@code Set-Cookie} instruction. Values are percent-encoded on output as the Node {@code cookie}
 * package does, so {@code token|hash} travels as {@code token%7Chash}.
 *
 * @param expires {@code null} for a browser-session cookie
 * @param maxAge  seconds, or {@code null} to omit; {@code 0} deletes the cookie
 * @param sameSite {@code Lax}, {@code Strict}, {@code None}, or {@code null} to omit
 */
public record SetCookie(String name, String value, String path, Instant expires, Long maxAge,
                        boolean httpOnly, boolean secure, String sameSite) {

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A deletion of this cookie: same name and attributes, empty value, {@code Max-Age=0}. */
  public SetCookie deletion() {
    return new SetCookie(name, "", path, null, 0L, httpOnly, secure, sameSite);
  }

  public boolean isDeletion() {
    return maxAge != null && maxAge == 0;
  }

  /** The header value, attributes in the order the Node {@code cookie} package writes them. */
  public String toHeaderValue() {
    StringBuilder sb = new StringBuilder(name.length() + value.length() + 80);
    sb.append(name).append('=').append(UriComponent.encode(value));
    if (maxAge != null) {
      sb.append("; Max-Age=").append(maxAge);
    }
    if (path != null) {
      sb.append("; Path=").append(path);
    }
    if (expires != null) {
      sb.append("; Expires=").append(HTTP_DATE.format(expires));
    }
    if (httpOnly) {
      sb.append("; HttpOnly");
    }
    if (secure) {
      sb.append("; Secure");
    }
    if (sameSite != null) {
      sb.append("; SameSite=").append(sameSite);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    // Cookie values are credentials: keep them out of logs.
    return "SetCookie[" + name + (isDeletion() ? " (deletion)" : "") + "]";
  }
}
