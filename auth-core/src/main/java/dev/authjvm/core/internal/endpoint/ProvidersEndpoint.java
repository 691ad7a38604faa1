package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.ProviderType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /providers}: every provider with exactly the five fields the clients read. No cookies. */
final class ProvidersEndpoint implements Route.Endpoint {
  private final AuthConfig config;

  ProvidersEndpoint(AuthConfig config) {
    this.config = config;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (Provider p : config.providers()) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("id", p.id());
      entry.put("name", p.name());
      entry.put("type", wireType(p.type(), ctx.protocol()));
      entry.put("signinUrl", ctx.url("signin/" + p.id()));
      entry.put("callbackUrl", ctx.url("callback/" + p.id()));
      body.put(p.id(), entry);
    }
    return Outcome.respond(AuthResponse.json(200, body));
  }

  /** v3/v4 clients know no {@code oidc} type; for them an OIDC provider is an OAuth one. */
  private static String wireType(ProviderType type, ProtocolVersion protocol) {
    return type == ProviderType.OIDC && protocol == ProtocolVersion.V4 ? "oauth" : type.wireName();
  }
}
