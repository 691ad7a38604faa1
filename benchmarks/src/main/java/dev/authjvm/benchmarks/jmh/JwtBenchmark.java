package dev.authjvm.benchmarks.jmh;

import dev.authjvm.benchmarks.BenchSetup;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import java.time.Clock;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Session token encode and decode in both formats: every signed-in {@code GET /session} with a JWT
 * does one of each (decode the cookie, re-encode it with a fresh expiry).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JwtBenchmark {
  /** v5 is A256CBC-HS512 with a kid; v4 is A256GCM. */
  @Param({"V5", "V4"})
  public JweFormat format;

  private JwtCodec codec;
  private String salt;
  private JwtClaims claims;
  private String token;

  @Setup
  public void setUp() {
    // The salts the core uses for the session cookie of each generation.
    salt = format == JweFormat.V5 ? "authjs.session-token" : "";
    codec = new JwtCodec(List.of(BenchSetup.SECRET), format, Clock.systemUTC(), List.of(salt));
    claims = JwtClaims.of(Map.of("name", "Demo User", "email", "demo@example.com", "sub", "1"));
    token = codec.encode(claims, Duration.ofDays(30), salt);
  }

  @Benchmark
  public String encode() {
    return codec.encode(claims, Duration.ofDays(30), salt);
  }

  @Benchmark
  public Optional<JwtClaims> decode() {
    return codec.decode(token, salt);
  }
}
