package dev.authjvm.benchmarks.server;

import dev.authjvm.benchmarks.BenchSetup;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Session tokens of distinct users for the benchmark's distinct-users row: one v5 session token a line,
 * each for another user ({@code sub} 1000..), encrypted with the benchmark's secret, so every server
 * that shares the secret (ours, the demo, Auth.js) reads them as sign-in would have set them.
 *
 * <pre>java -cp benchmarks.jar dev.authjvm.benchmarks.server.MintCookies 10000 &gt; tokens.txt</pre>
 */
public final class MintCookies {
  private static final String COOKIE = "authjs.session-token";

  private MintCookies() {}

  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    String secret = args.length > 1 ? args[1] : BenchSetup.SECRET;
    JwtCodec codec = new JwtCodec(List.of(secret), JweFormat.V5, Clock.systemUTC(), List.of(COOKIE));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String id = String.valueOf(1000 + i);
      JwtClaims claims = JwtClaims.of(Map.of("name", "User " + id, "email", "user" + id + "@example.com", "sub", id));
      out.append(codec.encode(claims, Duration.ofDays(30), COOKIE)).append('\n');
    }
    System.out.print(out);
  }
}
