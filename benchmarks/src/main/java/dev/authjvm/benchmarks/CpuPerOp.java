package dev.authjvm.benchmarks;

import dev.authjvm.core.Auth;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JMH benchmarks' hot paths timed in CPU time of the measuring thread rather than wall-clock time:
 * on a machine shared with other work, JMH's average time counts the time the thread waited for a
 * core, thread CPU time does not. Prints, per operation, the median and the lowest of several
 * measurement rounds, in µs of CPU per operation.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.authjvm.benchmarks.CpuPerOp [seconds per round]</pre>
 */
public final class CpuPerOp {
  private static final String URL = "http://127.0.0.1:8080/api/auth/session";
  private static final String SALT = "authjs.session-token";
  private static volatile Object sink;

  private CpuPerOp() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1;
    JwtCodec codec = new JwtCodec(List.of(BenchSetup.SECRET), JweFormat.V5, Clock.systemUTC(), List.of(SALT));
    JwtClaims claims = JwtClaims.of(Map.of("name", "Demo User", "email", "demo@example.com", "sub", "1"));
    String token = codec.encode(claims, Duration.ofDays(30), SALT);
    Auth auth = Auth.create(BenchSetup.builder().build());
    AuthRequest signedIn = AuthRequest.get(URL, HttpHeaders.builder().add("Host", "127.0.0.1:8080")
        .add("Accept", "application/json").add("Cookie", SALT + "=" + token + "; " + browserCookies(auth)).build());
    if (!auth.handle(signedIn).bodyText().contains("Demo User")) {
      throw new IllegalStateException("the token is not accepted");
    }
    Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
    ops.put("jwt decode V5", () -> codec.decode(token, SALT));
    ops.put("jwt encode V5", () -> codec.encode(claims, Duration.ofDays(30), SALT));
    ops.put("Auth.handle GET /session (JWT)", () -> auth.handle(signedIn));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (Map.Entry<String, Supplier<Object>> op : ops.entrySet()) {
      run(mx, op.getValue(), (long) (seconds * 5e9)); // warm-up: five rounds' worth
      double[] rounds = new double[7];
      for (int r = 0; r < rounds.length; r++) {
        rounds[r] = run(mx, op.getValue(), (long) (seconds * 1e9));
      }
      Arrays.sort(rounds);
      System.out.printf("%-34s median %7.2f µs  min %7.2f µs CPU/op%n", op.getKey(), rounds[rounds.length / 2], rounds[0]);
    }
  }

  /** The CSRF and callback-url cookies a signed-in browser sends along, as the HTTP benchmark's cookie jar does. */
  private static String browserCookies(Auth auth) {
    StringBuilder cookies = new StringBuilder();
    for (SetCookie c : auth.handle(AuthRequest.get("http://127.0.0.1:8080/api/auth/csrf", HttpHeaders.empty())).cookies()) {
      cookies.append(cookies.length() == 0 ? "" : "; ").append(c.name()).append('=').append(c.toHeaderValue()
          .substring(c.name().length() + 1).split(";", 2)[0]);
    }
    return cookies.toString();
  }

  /** Runs the operation for about {@code cpuNanos} of this thread's CPU time; µs of CPU per call. */
  private static double run(ThreadMXBean mx, Supplier<Object> op, long cpuNanos) {
    long start = mx.getCurrentThreadCpuTime();
    long calls = 0;
    long used;
    do {
      for (int i = 0; i < 1000; i++) {
        sink = op.get();
      }
      calls += 1000;
      used = mx.getCurrentThreadCpuTime() - start;
    } while (used < cpuNanos);
    return used / 1e3 / calls;
  }
}
