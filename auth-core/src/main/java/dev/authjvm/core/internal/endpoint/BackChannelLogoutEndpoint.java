package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.internal.session.ManagedSessions;
import dev.authjvm.core.provider.InvalidLogoutTokenException;
import dev.authjvm.core.provider.LogoutToken;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.store.CounterStore;
import dev.authjvm.core.text.LogSafe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /backchannel-logout/:provider} (OpenID Connect Back-Channel Logout 1.0, an extension of the
 * Auth.js API): the identity provider ends its user's sessions here, server to server. The provider
 * validates the {@code logout_token}; its {@code jti} is accepted once across instances (through the
 * store's counters); the sessions signed in at the provider with its {@code sid}, or else its {@code sub},
 * are revoked. 200 when done, 400 with {@code {"error","error_description"}} otherwise (an invalid or
 * replayed token, a provider that does not accept back-channel logout, a server that cannot end sessions);
 * never cached.
 *
 * @see <a href="https://openid.net/specs/openid-connect-backchannel-1_0.html">Back-Channel Logout 1.0</a>
 */
final class BackChannelLogoutEndpoint implements Route.Endpoint {
  private static final Logger LOG = LoggerFactory.getLogger("dev.authjvm.core");
  /** How long a jti is remembered when the token does not say until when it could be replayed. */
  private static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofMinutes(10);
  private final AuthConfig config;
  private final ManagedSessions managed;

  BackChannelLogoutEndpoint(AuthConfig config, ManagedSessions managed) {
    this.config = config;
    this.managed = managed;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    Optional<RedirectFlowProvider> provider = Optional.ofNullable(ctx.providerId()).flatMap(config::provider)
        .filter(RedirectFlowProvider.class::isInstance).map(RedirectFlowProvider.class::cast)
        .filter(RedirectFlowProvider::acceptsBackChannelLogout);
    if (provider.isEmpty()) {
      return refuse("invalid_request", "this provider does not accept back-channel logout");
    }
    if (!managed.available() || config.counterStore().isEmpty()) {
      return refuse("invalid_request", "this server cannot end sessions: it needs a store that keeps session "
          + "records and counters");
    }
    String token = ctx.body().field("logout_token");
    if (token == null || token.isEmpty()) {
      return refuse("invalid_request", "logout_token is missing");
    }
    LogoutToken verified;
    try {
      verified = provider.get().verifyLogoutToken(token);
    } catch (InvalidLogoutTokenException e) {
      return refuse("invalid_request", e.getMessage());
    }
    if (verified.tokenId() == null || !firstUse(config.counterStore().get(), provider.get().id(), verified, ctx)) {
      return refuse("invalid_request", "the logout token was used before");
    }
    int ended = managed.revokeByProvider(provider.get().id(), verified.subject(), verified.sessionId());
    LOG.info("[auth][backchannel-logout] {} ended {} session(s)", LogSafe.text(provider.get().id()), ended);
    return Outcome.respond(noStore(AuthResponse.json(200, Map.of())));
  }

  private static boolean firstUse(CounterStore counters, String provider, LogoutToken token, RequestContext ctx) {
    Duration window = token.expires() != null && token.expires().isAfter(ctx.now())
        ? Duration.between(ctx.now(), token.expires()).plusSeconds(1) : DEFAULT_REPLAY_WINDOW;
    return counters.incrementCounter("logout-jti:" + provider + ":" + token.tokenId(), window).value() == 1;
  }

  private static Outcome refuse(String error, String description) {
    LOG.warn("[auth][backchannel-logout] refused: {}", LogSafe.text(description, 500));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return Outcome.respond(noStore(AuthResponse.json(400, body)));
  }

  private static AuthResponse noStore(AuthResponse response) {
    return response.withHeader("Cache-Control", "no-store");
  }
}
