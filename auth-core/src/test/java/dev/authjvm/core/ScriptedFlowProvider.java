package dev.authjvm.core;

import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.provider.FlowRequest;
import dev.authjvm.core.provider.FlowStep;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.List;
import java.util.Map;

/**
 * A provider whose "identity provider" is the test itself: start stores a state in a check cookie,
 * the callback must bring it back and names the user in its query ({@code sub}, {@code email}).
 * It exercises the core's side of redirect flows; the real OAuth engine is tested in providers/.
 */
record ScriptedFlowProvider(String id, boolean allowDangerousEmailAccountLinking) implements RedirectFlowProvider {
  @Override
  public String name() {
    return "Scripted " + id;
  }

  @Override
  public ProviderType type() {
    return ProviderType.OAUTH;
  }

  @Override
  public FlowStep start(FlowRequest request) {
    return new FlowStep.Redirect("https://idp.example/authorize?state=s3cret&redirect_uri=" + request.providerCallbackUrl(),
        List.of(request.checks().create("state", "s3cret")));
  }

  @Override
  public FlowStep callback(FlowRequest request) {
    var cookies = List.of(request.checks().delete("state"));
    if (!request.checks().read("state").map(s -> s.equals(request.query().get("state"))).orElse(false)) {
      return new FlowStep.Failed(ErrorType.OAUTH_CALLBACK, "state mismatch", cookies);
    }
    String sub = request.query().get("sub");
    User user = new User(sub, "User " + sub, request.query().get("email"), null, null);
    return new FlowStep.Authenticated(user, Account.of(sub, "oauth", id, sub), Map.of("sub", sub), cookies);
  }
}
