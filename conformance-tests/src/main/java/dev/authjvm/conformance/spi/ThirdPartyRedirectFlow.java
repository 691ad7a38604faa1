package dev.authjvm.conformance.spi;

import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.provider.FlowRequest;
import dev.authjvm.core.provider.FlowStep;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A redirect-flow provider written against the SPI alone: its "identity provider" approves at once and
 * sends the browser straight back to the callback with the state and the user it vouches for. The
 * state travels in the core's check cookie, as a real OAuth provider's does.
 */
public final class ThirdPartyRedirectFlow implements RedirectFlowProvider {
  public static final String ID = "instant";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Instant IdP";
  }

  @Override
  public ProviderType type() {
    return ProviderType.OAUTH;
  }

  @Override
  public FlowStep start(FlowRequest request) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String state = HexFormat.of().formatHex(bytes);
    String login = request.query().getOrDefault("login_hint", "someone");
    String back = request.providerCallbackUrl() + "?state=" + state + "&user="
        + URLEncoder.encode(login, StandardCharsets.UTF_8);
    return new FlowStep.Redirect(back, List.of(request.checks().create("state", state)));
  }

  @Override
  public FlowStep callback(FlowRequest request) {
    List<SetCookie> spent = List.of(request.checks().delete("state"));
    String expected = request.checks().read("state").orElse(null);
    if (expected == null || !expected.equals(request.query().get("state"))) {
      return new FlowStep.Failed(ErrorType.OAUTH_CALLBACK, "state missing or not this browser's", spent);
    }
    String login = request.query().get("user");
    User user = new User(login, "Instant " + login, null, null, null);
    return new FlowStep.Authenticated(user, Account.of(login, "oauth", ID, login), Map.of("user", login), spent);
  }
}
