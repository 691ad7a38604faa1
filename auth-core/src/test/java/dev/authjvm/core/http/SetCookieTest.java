package dev.authjvm.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The {@code Set-Cookie} header value: percent-encoding as the Node {@code cookie} package, the date as HTTP writes it. */
class SetCookieTest {
  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";

  private static String header(String value) {
    return new SetCookie("c", value, null, null, null, false, false, null).toHeaderValue();
  }

  @Test
  void aJweCompactValueIsWrittenAsItIs() {
    String jwe = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..aBc-_9.Zz_-0.tAg";
    assertEquals("c=" + jwe, header(jwe));
  }

  @Test
  void everyAsciiCharacterOutsideTheUnreservedSetIsPercentEncoded() {
    for (char c = 0; c < 128; c++) {
      String expected = UNRESERVED.indexOf(c) >= 0 ? String.valueOf(c) : String.format("%%%02X", (int) c);
      // In the middle of a long unreserved run, so a scan that stops early or starts late is caught.
      assertEquals("c=abc" + expected + "def", header("abc" + c + "def"), "character " + (int) c);
    }
  }

  @Test
  void aValueNeedingEscapesIsEncodedWholeAsEncodeUriComponentDoes() {
    assertEquals("c=token%7Chash%20%3B%2C%C3%A9%F0%9F%94%91", header("token|hash ;,é\uD83D\uDD11"));
  }

  @Test
  void expiresIsTheImfFixdateOfTheInstant() {
    DateTimeFormatter reference =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    for (long s : new long[] {0, 951_782_400L, 1_704_164_645L, 4_102_444_799L, 1_767_225_599L}) {
      Instant t = Instant.ofEpochSecond(s, 999_999_999);
      SetCookie cookie = new SetCookie("c", "v", "/", t, null, false, false, null);
      assertEquals("c=v; Path=/; Expires=" + reference.format(t), cookie.toHeaderValue());
    }
  }
}
