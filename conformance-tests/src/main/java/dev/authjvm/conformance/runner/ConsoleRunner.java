package dev.authjvm.conformance.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.authjvm.conformance.BlackBoxConformance;
import dev.authjvm.conformance.KitBase;
import dev.authjvm.conformance.ReferenceMode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.net.URI;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the kit black-box against a running server:
 * {@code java -jar auth-conformance-tests-<version>-all.jar --base-url http://localhost:3000/api/auth}.
 * Exit status 0 when every check passed, 1 when one failed, 2 on a usage error.
 */
public final class ConsoleRunner {
  private static final String USAGE = """
      usage: java -jar auth-conformance-tests-<version>-all.jar --base-url <url> [--protocol v4] [--authjs]

        --base-url <url>   the server's Auth.js base URL, e.g. http://localhost:3000/api/auth
        --protocol v4|v5   the generation the server speaks (default v5); v4 runs the kit's v4
                           sections only (NextAuth.js v4: next-auth.* cookies, {} for no session)
        --authjs           the server is the official one (Auth.js, or NextAuth.js v4 with
                           --protocol v4): skip the checks where this project documents a
                           deliberate deviation (@Deviation)
        --help             this text

      The server must run that protocol generation with the secret
      "%s", trust its Host header, and offer a credentials
      provider with id "credentials" and fields username and password where demo/demo signs in
      "Demo User" <demo@example.com> (id "1"), "locked" is refused with the code
      "account_locked", and "big"/"demo" signs in a user whose token carries a 6000-character claim;
      its jwt callback applies update({name}). See the kit's README for a reference set-up.
      """.formatted(dev.authjvm.conformance.KitConfigs.SECRET);

  private ConsoleRunner() {}

  /** Null when {@code GET <base>/csrf} answers at all, else why not. */
  private static String unreachable(URI base) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      client.send(HttpRequest.newBuilder(URI.create(base + "/csrf")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.discarding());
      return null;
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The runner without {@code System.exit}: the exit status is returned. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    // The kit reads its mode from system properties; restore them so a caller's JVM is left as it was.
    String baseUrl = System.getProperty(KitBase.BASE_URL_PROPERTY);
    String reference = System.getProperty(ReferenceMode.PROPERTY);
    String protocol = System.getProperty(KitBase.PROTOCOL_PROPERTY);
    try {
      return runWithProperties(args, out, err);
    } finally {
      restore(KitBase.BASE_URL_PROPERTY, baseUrl);
      restore(ReferenceMode.PROPERTY, reference);
      restore(KitBase.PROTOCOL_PROPERTY, protocol);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  private static int runWithProperties(String[] args, PrintStream out, PrintStream err) {
    String baseUrl = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--base-url" -> {
          if (i + 1 == args.length) {
            err.println("--base-url needs a value\n\n" + USAGE);
            return 2;
          }
          baseUrl = args[++i];
        }
        case "--authjs" -> System.setProperty(ReferenceMode.PROPERTY, "authjs");
        case "--protocol" -> {
          if (i + 1 == args.length || !List.of("v4", "v5").contains(args[i + 1])) {
            err.println("--protocol needs v4 or v5\n\n" + USAGE);
            return 2;
          }
          System.setProperty(KitBase.PROTOCOL_PROPERTY, args[++i]);
        }
        case "--help", "-h" -> {
          out.print(USAGE);
          return 0;
        }
        default -> {
          err.println("unknown argument: " + args[i] + "\n\n" + USAGE);
          return 2;
        }
      }
    }
    if (baseUrl == null) {
      err.print(USAGE);
      return 2;
    }
    URI uri;
    try {
      uri = URI.create(baseUrl.replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      err.println("--base-url is not a URL: " + baseUrl);
      return 2;
    }
    if (!List.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
      err.println("--base-url must be an http(s) URL with a host: " + baseUrl);
      return 2;
    }
    String unreachable = unreachable(uri);
    if (unreachable != null) {
      err.println("cannot reach " + uri + "/csrf: " + unreachable);
      return 1;
    }
    System.setProperty(KitBase.BASE_URL_PROPERTY, uri.toString());

    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(BlackBoxConformance.class)).build();
    // Our own listeners only, so the table goes to `out` once.
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    SectionSummary sections = new SectionSummary(out);
    launcher.execute(request, summary, sections);
    SectionSummary.Tally total = sections.total();
    out.printf("%d checks run: %d passed, %d failed; %d skipped%n", total.passed() + total.failed(), total.passed(),
        total.failed(), total.skipped());
    return summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1;
  }
}
