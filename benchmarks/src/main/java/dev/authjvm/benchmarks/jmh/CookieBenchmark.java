package dev.authjvm.benchmarks.jmh;

import dev.authjvm.core.internal.cookie.CookieFactory;
import dev.authjvm.core.internal.cookie.SessionCookieChunks;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.internal.http.RequestCookies;
import dev.authjvm.core.http.SetCookie;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cookie work of every request: parsing the Cookie header a signed-in browser sends (CSRF,
 * callback URL, session token), reassembling a chunked token, and splitting a large one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CookieBenchmark {
  private static final String NAME = "authjs.session-token";
  private HttpHeaders headers;
  private Map<String, String> chunked;
  private String bigToken;
  private SetCookie sessionCookie;
  private Instant expires;
  private final CookieFactory factory = new CookieFactory(false);

  @Setup
  public void setUp() {
    // Sizes of real cookies: a 64+1+64 CSRF value and a JWE of about 500 characters.
    String csrf = "a".repeat(64) + "%7C" + "b".repeat(64);
    String token = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.." + "x".repeat(450);
    headers = HttpHeaders.builder()
        .add("Cookie", "authjs.csrf-token=" + csrf + "; authjs.callback-url=http%3A%2F%2F127.0.0.1%3A3000; "
            + NAME + "=" + token)
        .build();
    // A token over 4 KB (the reference server's "big" user) arrives in two chunks.
    bigToken = "y".repeat(8500);
    chunked = Map.of(NAME + ".0", bigToken.substring(0, SessionCookieChunks.V5_CHUNK_SIZE),
        NAME + ".1", bigToken.substring(SessionCookieChunks.V5_CHUNK_SIZE, 2 * SessionCookieChunks.V5_CHUNK_SIZE),
        NAME + ".2", bigToken.substring(2 * SessionCookieChunks.V5_CHUNK_SIZE));
    expires = Instant.now().plusSeconds(86400);
    sessionCookie = factory.expiringAt(NAME, token, expires);
  }

  @Benchmark
  public Map<String, String> parseHeader() {
    return RequestCookies.parse(headers);
  }

  /** Every signed-in GET /session writes the re-encoded token back: one Set-Cookie header value. */
  @Benchmark
  public String setCookieHeader() {
    return sessionCookie.toHeaderValue();
  }

  @Benchmark
  public Optional<String> readChunks() {
    return SessionCookieChunks.read(NAME, chunked);
  }

  @Benchmark
  public List<SetCookie> writeChunks() {
    return SessionCookieChunks.write(NAME, bigToken, expires, SessionCookieChunks.V5_CHUNK_SIZE, chunked, factory);
  }
}
