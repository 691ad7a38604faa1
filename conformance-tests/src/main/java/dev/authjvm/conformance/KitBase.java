package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.config.SessionStrategy;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The obligations of an adapter author and the machinery every section shares. Extend
 * {@link AdapterConformanceKit}, not this class.
 */
@ExtendWith(ReferenceMode.class)
public abstract class KitBase {
  /** Set to a base URL such as {@code http://localhost:8080/api/auth} to check a running server (black-box mode). */
  public static final String BASE_URL_PROPERTY = "authjvm.conformance.baseUrl";

  /**
   * The protocol generation a black-box server speaks: {@code v5} (the default) or {@code v4}. A black-box
   * run checks the sections of that generation's standard configuration only.
   */
  public static final String PROTOCOL_PROPERTY = "authjvm.conformance.protocol";

  /** The generation a black-box server speaks, from {@value #PROTOCOL_PROPERTY}. */
  public static ProtocolVersion blackBoxProtocol() {
    return "v4".equalsIgnoreCase(System.getProperty(PROTOCOL_PROPERTY, "v5")) ? ProtocolVersion.V4 : ProtocolVersion.V5;
  }

  /**
   * Starts the adapter under test serving this configuration (mounted at {@code config.basePath()})
   * and returns its origin, e.g. {@code http://127.0.0.1:54321}. Called once per section.
   */
  protected abstract URI start(AuthConfig config) throws Exception;

  /** Stops the adapter started last. */
  protected abstract void stop() throws Exception;

  /**
   * Changes every configuration the kit starts the adapter with; by default none. Override it to run
   * the whole kit in another set-up, e.g. database sessions:
   * {@code return builder.store(myStore).credentialsDatabaseSessions(true);}
   */
  protected AuthConfigBuilder customize(AuthConfigBuilder builder) {
    return builder;
  }

  /** True when the kit checks a server it did not start; sections that need another configuration are skipped. */
  protected boolean blackBox() {
    return false;
  }

  /** A group of checks against one running server; each check gets a fresh browser (cookie jar). */
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  public abstract class Section {
    protected KitClient browser;
    private URI baseUrl;
    private AuthConfig config;
    private String notApplicable;

    /** The configuration this section needs; black-box mode runs only sections of the standard one. */
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder();
    }

    protected boolean needsOwnConfiguration() {
      return false;
    }

    /**
     * The generation whose standard configuration this section checks; a black-box run skips the sections
     * of the other generation. The v4 sections override it (and start their server in v4 mode).
     */
    protected ProtocolVersion protocol() {
      return ProtocolVersion.V5;
    }

    /** True for sections about the JWT cookie itself (its format, its chunks): skipped with database sessions. */
    protected boolean needsJwtSessions() {
      return false;
    }

    /**
     * Starts the section's server, unless the section does not apply to this run. Then each check is
     * skipped with the reason, so that reports list it (an abort here would make the checks vanish).
     */
    @BeforeAll
    void startServer() throws Exception {
      if (blackBox() && needsOwnConfiguration()) {
        notApplicable = "by design: needs a server configured differently from the standard one;"
            + " run the kit in-process to check it";
        return;
      }
      config = customize(configuration()).build();
      if (blackBox() && protocol() != blackBoxProtocol()) {
        notApplicable = "by design: checks the " + protocol().name().toLowerCase(java.util.Locale.ROOT)
            + " generation; the server under test speaks " + blackBoxProtocol().name().toLowerCase(java.util.Locale.ROOT);
        return;
      }
      if (needsJwtSessions() && config.sessionStrategy() == SessionStrategy.DATABASE) {
        notApplicable = "by design: checks the JWT session cookie; this run uses database sessions";
        return;
      }
      URI origin = start(config);
      String o = origin.toString().replaceAll("/$", "");
      baseUrl = URI.create(blackBox() ? o : o + config.basePath());
    }

    @AfterAll
    void stopServer() throws Exception {
      if (baseUrl != null) {
        stop();
      }
    }

    @BeforeEach
    void newBrowser() {
      Assumptions.assumeTrue(notApplicable == null, notApplicable);
      browser = new KitClient(baseUrl);
    }

    /**
     * For a check about what the JWT strategy stores in the cookie (a token re-encrypted on each read,
     * an update the jwt callback writes into the token): skipped when this run uses database sessions.
     * Black-box servers are expected to use JWT sessions.
     */
    protected void assumeJwtSessions() {
      Assumptions.assumeFalse(config.sessionStrategy() == SessionStrategy.DATABASE,
          "by design: a JWT-session behaviour; this run uses database sessions");
    }

    /** The configuration this section's server was started with (black-box: what the kit expects it to be). */
    protected AuthConfig config() {
      return config;
    }

    /** The section's server's API, e.g. {@code http://127.0.0.1:54321/api/auth}; {@code null} when it did not start. */
    protected URI baseUrl() {
      return baseUrl;
    }

    /** A second, independent browser (another cookie jar) on the same server. */
    protected KitClient anotherBrowser() {
      return new KitClient(baseUrl);
    }
  }

  /** A stack frame, a cause chain, or a fully qualified exception class. */
  private static final java.util.regex.Pattern STACK_TRACE = java.util.regex.Pattern.compile(
      "\\bat [\\w$.]+\\([\\w$]*\\.(java|kt):\\d+\\)|Caused by: |\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*(Exception|Error)\\b");

  /** No 5xx, and nothing in the body that looks like a Java stack trace or exception class. */
  public static void assertClean(KitResponse r) {
    assertClean(r.status(), r.body());
  }

  public static void assertClean(int status, String body) {
    assertTrue(status < 500, "status " + status + " for bad input: " + body);
    assertNoStackTrace(body);
  }

  /** Nothing in the body looks like a Java stack trace or exception class (a 5xx may be right, e.g. in an outage). */
  public static void assertNoStackTrace(String body) {
    assertFalse(STACK_TRACE.matcher(body).find(), "the body looks like a stack trace: " + body);
  }
}
