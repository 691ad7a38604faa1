package dev.authjvm.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written codecs on the session path give what the general-purpose ones give. */
class CodecTest {
  private static final DateTimeFormatter TO_ISO_STRING =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(strings = {"2026-12-22T10:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
      "2000-02-29T12:34:56.789123Z", "9999-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z"})
  void anInstantIsWrittenAsJavaScriptsToIsoStringWritesIt(String instant) {
    Instant i = Instant.parse(instant);
    assertEquals(TO_ISO_STRING.format(i), JsDate.format(i));
  }

  @Test
  void instantsAcrossFourCenturiesAreWrittenAsTheFormatterWritesThem() {
    SplittableRandom random = new SplittableRandom(7);
    for (int n = 0; n < 100_000; n++) {
      Instant i = Instant.ofEpochMilli(random.nextLong(-2_208_988_800_000L, 10_413_792_000_000L));
      assertEquals(TO_ISO_STRING.format(i), JsDate.format(i));
    }
  }

  @Test
  void yearsBeyondFourDigitsAreLeftToTheFormatter() {
    Instant far = Instant.parse("+10000-01-01T00:00:00Z");
    assertEquals(TO_ISO_STRING.format(far), JsDate.format(far));
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "http%3A%2F%2F127.0.0.1%3A8080%2Fa%3Fb%3Dc", "caf%C3%A9", "café", "a+b",
      "😀%F0%9F%98%80", "%E2%82"})
  void percentDecodingGivesWhatTheJdkDecoderGives(String s) {
    assertEquals(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8), UriComponent.decode(s, false));
    assertEquals(URLDecoder.decode(s, StandardCharsets.UTF_8), UriComponent.decode(s, true));
  }

  @Test
  void aLoneSurrogateIsEncodedAsTheReplacementCharacter() {
    assertEquals("a%EF%BF%BDb", UriComponent.encode("a\uD800b"));
    assertEquals("%EF%BF%BD", UriComponent.encode("\uDC00"));
    assertEquals("%F0%9F%98%80", UriComponent.encode("\uD83D\uDE00"));
  }

  @Test
  void aMalformedEscapeIsKeptAsWritten() {
    assertEquals("%2", UriComponent.decode("%2", false));
    assertEquals("%zzA", UriComponent.decode("%zz%41", false));
    assertEquals("tail%", UriComponent.decode("tail%", false));
  }
}
