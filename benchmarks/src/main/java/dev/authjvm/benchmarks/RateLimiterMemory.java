package dev.authjvm.benchmarks;

import dev.authjvm.core.Auth;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.ratelimit.FixedWindowRateLimiter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * What the sign-in rate limiter keeps while someone floods it: {@code ATTEMPTS} failed credentials
 * sign-ins, each with a different 60 KB username, through the whole core ({@code Auth.handle}), then
 * the live heap after a full GC against the heap before the flood. Run it with
 * {@code java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.authjvm.benchmarks.RateLimiterMemory}.
 */
public final class RateLimiterMemory {
  static final int ATTEMPTS = 100_000;
  static final int USERNAME_BYTES = 60_000;

  private RateLimiterMemory() {}

  public static void main(String[] args) {
    FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(5, Duration.ofMinutes(15), Clock.systemUTC());
    Auth auth = Auth.create(BenchSetup.builder().credentialsRateLimiter(limiter).build());
    AuthResponse csrf = auth.handle(AuthRequest.get("http://localhost/api/auth/csrf", HttpHeaders.empty()));
    String token = csrf.bodyText().replaceAll(".*\"csrfToken\":\"([0-9a-f]+)\".*", "$1");
    String cookie = csrf.cookies().get(0).toHeaderValue().split(";")[0];
    HttpHeaders headers = HttpHeaders.builder().add("Content-Type", "application/x-www-form-urlencoded")
        .add("X-Auth-Return-Redirect", "1").add("Cookie", cookie).build();
    signIn(auth, headers, token, "warm-up");

    long baseline = liveHeap();
    char[] name = new char[USERNAME_BYTES];
    long refused = 0;
    long started = System.nanoTime();
    for (int i = 0; i < ATTEMPTS; i++) {
      Arrays.fill(name, (char) ('a' + i % 26));
      String prefix = Integer.toString(i);
      prefix.getChars(0, prefix.length(), name, 0);
      if (signIn(auth, headers, token, new String(name)).status() != 200) {
        refused++;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long after = liveHeap();
    System.out.printf("attempts: %d with distinct %d-byte usernames, in %.1f s (%d refused)%n", ATTEMPTS, USERNAME_BYTES,
        seconds, refused);
    System.out.printf("limiter keys kept: %d (at most %d)%n", limiter.keys(), FixedWindowRateLimiter.DEFAULT_MAX_KEYS);
    System.out.printf("live heap: %.1f MB before, %.1f MB after, %.1f MB above baseline%n", mb(baseline), mb(after),
        mb(after - baseline));
  }

  private static AuthResponse signIn(Auth auth, HttpHeaders headers, String csrfToken, String username) {
    byte[] body = ("csrfToken=" + csrfToken + "&username=" + username + "&password=wrong").getBytes(StandardCharsets.UTF_8);
    return auth.handle(new AuthRequest("POST", "http", "localhost", "/api/auth/callback/credentials", null, headers, body));
  }

  private static long liveHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
