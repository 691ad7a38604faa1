package dev.authjvm.benchmarks.jmh;

import dev.authjvm.benchmarks.BenchSetup;
import dev.authjvm.core.Auth;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The core's whole {@code GET /session}, in process and through the public API only: what an
 * adapter calls, without any HTTP server. The upper bound for the HTTP benchmark of the same request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionHandleBenchmark {
  private static final String URL = "http://127.0.0.1:8080/api/auth/session";
  private Auth auth;
  private AuthRequest signedIn;
  private AuthRequest signedOut;

  @Setup
  public void setUp() {
    auth = Auth.create(BenchSetup.builder().build());
    // A token as sign-in would have set it: same secret, the v5 session cookie's salt.
    JwtCodec codec = new JwtCodec(List.of(BenchSetup.SECRET), JweFormat.V5, Clock.systemUTC(),
        List.of("authjs.session-token"));
    String token = codec.encode(JwtClaims.of(Map.of("name", "Demo User", "email", "demo@example.com", "sub", "1")),
        Duration.ofDays(30), "authjs.session-token");
    signedIn = AuthRequest.get(URL, browserHeaders().add("Cookie", "authjs.session-token=" + token).build());
    signedOut = AuthRequest.get(URL, browserHeaders().build());
    if (!auth.handle(signedIn).bodyText().contains("Demo User")) {
      throw new IllegalStateException("the benchmark's token is not accepted: " + auth.handle(signedIn).bodyText());
    }
  }

  /** What wrk sends, plus the Accept of the browser clients' fetch. */
  private static HttpHeaders.Builder browserHeaders() {
    return HttpHeaders.builder().add("Host", "127.0.0.1:8080").add("Accept", "application/json");
  }

  @Benchmark
  public AuthResponse sessionWithJwt() {
    return auth.handle(signedIn);
  }

  @Benchmark
  public AuthResponse sessionWithoutCookie() {
    return auth.handle(signedOut);
  }
}
