package dev.authjvm.metrics;

import dev.authjvm.core.observe.AuthObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * The core's observations as Micrometer meters, registered on first use in the given registry:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>Name</th><th>Type</th><th>Tags</th><th>Counts</th></tr>
 *   <tr><td>{@value #SIGN_INS}</td><td>counter</td><td>{@code provider}, {@code outcome}</td>
 *       <td>finished sign-ins; {@code outcome} is {@code success} or the error code clients see
 *       ({@code CredentialsSignin}, {@code rate_limited}, {@code AccessDenied}, ...)</td></tr>
 *   <tr><td>{@value #SESSION_READS}</td><td>counter</td><td>{@code signed.in} ({@code true}/{@code false})</td>
 *       <td>session reads ({@code GET /session}, session updates)</td></tr>
 *   <tr><td>{@value #CSRF_FAILURES}</td><td>counter</td><td>{@code action}</td>
 *       <td>POSTs refused for a missing or wrong CSRF token</td></tr>
 *   <tr><td>{@value #RATE_LIMITED}</td><td>counter</td><td>{@code kind} ({@code credentials}/{@code email}), {@code provider}</td>
 *       <td>attempts refused by a rate limit</td></tr>
 *   <tr><td>{@value #TOKEN_REFRESHES}</td><td>counter</td><td>{@code provider}, {@code outcome} ({@code success}/{@code failure})</td>
 *       <td>OAuth access-token refreshes</td></tr>
 *   <tr><td>{@value #STORE_CALLS}</td><td>timer</td><td>{@code operation} (the store method), {@code outcome}
 *       ({@code success}/{@code failure})</td><td>calls into the store, with their latency (count, sum, max)</td></tr>
 * </table>
 *
 * <p>Tag values come from the configuration (provider ids) and the protocol (outcomes, actions, store
 * methods), never from what a user typed; as a safeguard each tag keeps at most 100 distinct values
 * that look like identifiers, and reports anything else as {@code other}. Pass it to
 * {@code AuthConfig.builder().observer(...)}.
 */
public final class AuthMetrics implements AuthObserver {
  /** Finished sign-ins by provider and outcome. */
  public static final String SIGN_INS = "authjvm.signins";
  /** Session reads by whether they found a session. */
  public static final String SESSION_READS = "authjvm.session.reads";
  /** POSTs refused for their CSRF token, by action. */
  public static final String CSRF_FAILURES = "authjvm.csrf.failures";
  /** Attempts refused by a rate limit, by kind and provider. */
  public static final String RATE_LIMITED = "authjvm.rate.limited";
  /** OAuth access-token refreshes by provider and outcome. */
  public static final String TOKEN_REFRESHES = "authjvm.token.refreshes";
  /** Store calls by operation and outcome, timed. */
  public static final String STORE_CALLS = "authjvm.store.calls";

  private static final String SUCCESS = "success";
  private static final String FAILURE = "failure";
  private static final String NONE = "";

  private final BoundedTagValues providers = new BoundedTagValues();
  private final BoundedTagValues outcomes = new BoundedTagValues();
  private final BoundedTagValues actions = new BoundedTagValues();
  private final BoundedTagValues kinds = new BoundedTagValues();
  private final BoundedTagValues operations = new BoundedTagValues();
  private final MeterTable<Counter> signIns;
  private final MeterTable<Counter> sessionReads;
  private final MeterTable<Counter> csrfFailures;
  private final MeterTable<Counter> rateLimited;
  private final MeterTable<Counter> tokenRefreshes;
  private final MeterTable<Timer> storeCalls;

  private AuthMetrics(Builder b) {
    MeterRegistry registry = b.registry;
    Tags common = b.tags;
    signIns = new MeterTable<>((provider, outcome) -> Counter.builder(SIGN_INS).description("Finished sign-ins")
        .tags(common).tag("provider", provider).tag("outcome", outcome).register(registry));
    sessionReads = new MeterTable<>((signedIn, unused) -> Counter.builder(SESSION_READS).description("Session reads")
        .tags(common).tag("signed.in", signedIn).register(registry));
    csrfFailures = new MeterTable<>((action, unused) -> Counter.builder(CSRF_FAILURES)
        .description("POSTs refused for a missing or wrong CSRF token").tags(common).tag("action", action).register(registry));
    rateLimited = new MeterTable<>((kind, provider) -> Counter.builder(RATE_LIMITED)
        .description("Attempts refused by a rate limit").tags(common).tag("kind", kind).tag("provider", provider)
        .register(registry));
    tokenRefreshes = new MeterTable<>((provider, outcome) -> Counter.builder(TOKEN_REFRESHES)
        .description("OAuth access-token refreshes").tags(common).tag("provider", provider).tag("outcome", outcome)
        .register(registry));
    boolean histogram = b.storeLatencyHistogram;
    double[] percentiles = b.storeLatencyPercentiles;
    storeCalls = new MeterTable<>((operation, outcome) -> {
      Timer.Builder timer = Timer.builder(STORE_CALLS).description("Calls into the store")
          .tags(common).tag("operation", operation).tag("outcome", outcome);
      // Set only when asked, so the registry's own defaults and meter filters still apply otherwise.
      if (histogram) {
        timer.publishPercentileHistogram(true);
      }
      if (percentiles.length > 0) {
        timer.publishPercentiles(percentiles);
      }
      return timer.register(registry);
    });
  }

  /** Meters in {@code registry}, without common tags, histograms or percentiles. */
  public static AuthMetrics of(MeterRegistry registry) {
    return builder(registry).build();
  }

  /** To add common tags, or a latency histogram or percentiles to the store timer. */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  @Override
  public void signIn(String provider, String outcome) {
    signIns.get(providers.of(provider), outcomes.of(outcome)).increment();
  }

  @Override
  public void sessionRead(boolean signedIn) {
    sessionReads.get(signedIn ? "true" : "false", NONE).increment();
  }

  @Override
  public void csrfRejected(String action) {
    csrfFailures.get(actions.of(action), NONE).increment();
  }

  @Override
  public void rateLimited(String kind, String provider) {
    rateLimited.get(kinds.of(kind), providers.of(provider)).increment();
  }

  @Override
  public void tokenRefresh(String provider, boolean succeeded) {
    tokenRefreshes.get(providers.of(provider), succeeded ? SUCCESS : FAILURE).increment();
  }

  @Override
  public void storeCall(String operation, Duration duration, boolean failed) {
    storeCalls.get(operations.of(operation), failed ? FAILURE : SUCCESS).record(duration);
  }

  /** Settings of an {@link AuthMetrics}; {@link #build()} makes it. */
  public static final class Builder {
    private final MeterRegistry registry;
    private Tags tags = Tags.empty();
    private boolean storeLatencyHistogram;
    private double[] storeLatencyPercentiles = new double[0];

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Tags added to every meter, e.g. {@code Tags.of("app", "shop")}. */
    public Builder tags(Iterable<Tag> tags) {
      this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
      return this;
    }

    /** Publish a histogram of the store timer's latencies (Prometheus {@code _bucket} series); off by default. */
    public Builder storeLatencyHistogram(boolean publish) {
      this.storeLatencyHistogram = publish;
      return this;
    }

    /**
     * Percentiles of store latency computed in the application, e.g. {@code 0.5, 0.99}; none by default.
     * They cannot be summed across instances, and Prometheus shows either them or the histogram (the
     * histogram when both are asked).
     */
    public Builder storeLatencyPercentiles(double... percentiles) {
      for (double p : percentiles) {
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException("storeLatencyPercentiles: " + p + " is not between 0 and 1");
        }
      }
      this.storeLatencyPercentiles = percentiles.clone();
      return this;
    }

    /** The observer, to pass to {@code AuthConfig.builder().observer(...)}. */
    public AuthMetrics build() {
      return new AuthMetrics(this);
    }
  }
}
