package dev.authjvm.core.http;

import dev.authjvm.core.internal.codec.UriComponent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

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
      appendHttpDate(sb, expires);
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

  /**
   * {@code Expires=Tue, 02 Jan 2024 03:04:05 GMT} (RFC 9110's IMF-fixdate, as {@code Date.toUTCString()}
   * writes it), written field by field: a {@code DateTimeFormatter} costs more than the rest of the header.
   */
  private static void appendHttpDate(StringBuilder sb, Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    sb.append("; Expires=").append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
    twoDigits(sb, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
    int year = t.getYear();
    if (year < 1000) {
      sb.append(year < 10 ? "000" : year < 100 ? "00" : "0");
    }
    sb.append(year).append(' ');
    twoDigits(sb, t.getHour()).append(':');
    twoDigits(sb, t.getMinute()).append(':');
    twoDigits(sb, t.getSecond()).append(" GMT");
  }

  private static StringBuilder twoDigits(StringBuilder sb, int value) {
    return sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  @Override
  public String toString() {
    // Cookie values are credentials: keep them out of logs.
    return "SetCookie[" + name + (isDeletion() ? " (deletion)" : "") + "]";
  }
}
