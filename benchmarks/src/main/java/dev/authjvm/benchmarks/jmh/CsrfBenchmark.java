package dev.authjvm.benchmarks.jmh;

import dev.authjvm.benchmarks.BenchSetup;
import dev.authjvm.core.internal.security.CsrfToken;
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

/** The double-submit check of every POST: verify the cookie's hash, then compare the form field. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CsrfBenchmark {
  private String cookieValue;
  private String submitted;

  @Setup
  public void setUp() {
    CsrfToken minted = CsrfToken.mint(BenchSetup.SECRET);
    cookieValue = minted.cookieValue();
    submitted = minted.token();
  }

  @Benchmark
  public boolean verify() {
    return CsrfToken.fromCookie(cookieValue, BenchSetup.SECRET).map(t -> t.matches(submitted)).orElse(false);
  }

  @Benchmark
  public CsrfToken mint() {
    return CsrfToken.mint(BenchSetup.SECRET);
  }
}
