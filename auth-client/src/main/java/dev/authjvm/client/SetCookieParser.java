package dev.authjvm.client;

import dev.authjvm.client.AuthClientException.Problem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads one {@code Set-Cookie} header (RFC 6265) and refuses, with a message naming the cookie, what a
 * browser would refuse or never send back: a malformed name or value, a cookie over 4096 bytes, a
 * {@code Domain} that does not cover the host, a broken {@code __Secure-} or {@code __Host-} prefix, and
 * a {@code Secure} cookie set over plain http. Each of these would otherwise look like a server that
 * forgot the session.
 */
final class SetCookieParser {
  /** Browsers refuse a cookie whose name and value together exceed 4096 bytes. */
  static final int MAX_COOKIE_BYTES = 4096;
  private static final String TOKEN_SEPARATORS = "()<>@,;:\\\"/[]?={} \t";
  private static final DateTimeFormatter DASHED_DATE =
      DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss zzz", Locale.ROOT);

  private SetCookieParser() {}

  /** The cookie a response from {@code from} sets; one that has expired is a deletion. */
  static ClientCookie parse(String header, URI from, Instant now) {
    String host = from.getHost().toLowerCase(Locale.ROOT);
    String[] parts = header.split(";");
    int eq = parts[0].indexOf('=');
    if (eq < 0) {
      throw bad("Set-Cookie \"" + excerpt(parts[0]) + "\" from " + host + " has no '=' between name and value");
    }
    String name = parts[0].substring(0, eq).trim();
    String value = parts[0].substring(eq + 1).trim();
    checkName(name, host);
    checkValue(name, value);
    Instant expires = null;
    Instant maxAgeExpiry = null;
    String domain = null;
    String path = null;
    boolean secure = false;
    boolean httpOnly = false;
    for (int i = 1; i < parts.length; i++) {
      String attribute = parts[i].trim();
      int ae = attribute.indexOf('=');
      String key = (ae < 0 ? attribute : attribute.substring(0, ae)).trim().toLowerCase(Locale.ROOT);
      String arg = ae < 0 ? "" : attribute.substring(ae + 1).trim();
      switch (key) {
        case "expires" -> expires = date(name, arg);
        case "max-age" -> maxAgeExpiry = maxAge(name, arg, now);
        case "domain" -> domain = arg.isEmpty() ? null : (arg.startsWith(".") ? arg.substring(1) : arg).toLowerCase(Locale.ROOT);
        case "path" -> path = arg.startsWith("/") ? arg : null;
        case "secure" -> secure = true;
        case "httponly" -> httpOnly = true;
        default -> { } // SameSite, Priority, Partitioned: no effect without a browser.
      }
    }
    Instant expiry = maxAgeExpiry != null ? maxAgeExpiry : expires;
    boolean deletion = expiry != null && !expiry.isAfter(now);
    if (domain != null && !domainCovers(domain, host)) {
      throw bad("cookie " + name + " from " + host + " is set for Domain=" + domain + ", which does not cover that host");
    }
    if (!deletion) {
      checkPrefix(name, secure, domain, path);
      if (secure && !"https".equalsIgnoreCase(from.getScheme())) {
        throw bad("cookie " + name + " is Secure but was set over " + from.getScheme() + "://" + host
            + ": it would never be sent back, so the server would forget it. Use the https URL of the server"
            + " (its AUTH_URL / NEXTAUTH_URL decides whether it sets secure cookies)");
      }
    }
    return new ClientCookie(name, value, domain == null ? host : domain, domain == null,
        path == null ? defaultPath(from) : path, deletion ? Instant.EPOCH : expiry, secure, httpOnly);
  }

  /** Whether a cookie for {@code domain} may be set by and sent to {@code host} (RFC 6265 §5.1.3). */
  static boolean domainCovers(String domain, String host) {
    return host.equals(domain) || host.endsWith("." + domain) && !isIpAddress(host);
  }

  private static void checkName(String name, String host) {
    if (name.isEmpty()) {
      throw bad("a Set-Cookie from " + host + " has an empty name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 0x20 || c >= 0x7f || TOKEN_SEPARATORS.indexOf(c) >= 0) {
        throw bad("cookie name \"" + excerpt(name) + "\" from " + host + " contains " + describe(c)
            + ", which a cookie name may not contain");
      }
    }
  }

  private static void checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        throw bad("cookie " + name + " has a value with " + describe(c) + "; browsers refuse such cookies");
      }
    }
    int bytes = (name + value).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_COOKIE_BYTES) {
      throw bad("cookie " + name + " is " + bytes + " bytes (name and value); browsers refuse cookies over "
          + MAX_COOKIE_BYTES + " bytes, so it would be lost. A server splits a large session token into "
          + name + ".0, " + name + ".1, ...");
    }
  }

  /** The rules browsers enforce for prefixed names (RFC 6265bis §4.1.3). */
  private static void checkPrefix(String name, boolean secure, String domain, String path) {
    if (name.regionMatches(true, 0, "__Secure-", 0, 9) && !secure) {
      throw bad("cookie " + name + " has the __Secure- prefix but not the Secure attribute; browsers refuse it");
    }
    if (name.regionMatches(true, 0, "__Host-", 0, 7) && (!secure || domain != null || !"/".equals(path))) {
      throw bad("cookie " + name + " has the __Host- prefix but not Secure, Path=/ and no Domain; browsers refuse it");
    }
  }

  private static Instant date(String name, String value) {
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return ZonedDateTime.parse(value, DASHED_DATE).toInstant();
      } catch (DateTimeParseException e2) {
        throw bad("cookie " + name + " has Expires=" + excerpt(value) + ", which is not an HTTP date");
      }
    }
  }

  private static Instant maxAge(String name, String value, Instant now) {
    try {
      long seconds = Long.parseLong(value);
      return seconds <= 0 ? Instant.EPOCH : now.plusSeconds(seconds);
    } catch (NumberFormatException e) {
      throw bad("cookie " + name + " has Max-Age=" + excerpt(value) + ", which is not a number of seconds");
    }
  }

  /** The directory of the request path (RFC 6265 §5.1.4). */
  private static String defaultPath(URI from) {
    String p = from.getRawPath();
    if (p == null || !p.startsWith("/")) {
      return "/";
    }
    int last = p.lastIndexOf('/');
    return last <= 0 ? "/" : p.substring(0, last);
  }

  private static boolean isIpAddress(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }

  private static String describe(char c) {
    return c < 0x20 || c == 0x7f ? String.format("the control character U+%04X", (int) c)
        : c > 0x7f ? String.format("the non-ASCII character U+%04X", (int) c) : "'" + c + "'";
  }

  private static String excerpt(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }

  private static AuthClientException bad(String message) {
    return new AuthClientException(Problem.BAD_COOKIE, message);
  }
}
