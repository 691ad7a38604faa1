package dev.authjvm.oidc.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The npm package {@code oidc-provider} (OpenID Certified), started with Node.js on a loopback port for a
 * test, in its default, spec-conformant claim settings: the code flow's ID token has no profile claims,
 * UserInfo has them. PKCE is required, refresh tokens rotate, back-channel and RP-initiated logout are on,
 * and logins go through the provider's development interactions ({@link OidcProviderDevLogin}). The npm
 * project is this module's {@code oidc-provider/} directory, so this works in this repository's build.
 */
public final class OidcProviderServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final NodeServer node;
  private final String issuer;

  private OidcProviderServer(NodeServer node, String issuer) {
    this.node = node;
    this.issuer = issuer;
  }

  /**
   * A client registered at the provider: confidential ({@code client_secret_basic} or {@code _post}),
   * the code grant and refresh tokens.
   *
   * @param backchannelLogoutUri where the provider POSTs logout tokens (with {@code sid}), or {@code null}
   */
  public record Client(String clientId, String clientSecret, List<String> redirectUris,
                       List<String> postLogoutRedirectUris, String backchannelLogoutUri) {
    Map<String, Object> metadata() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("client_id", clientId);
      m.put("client_secret", clientSecret);
      m.put("redirect_uris", redirectUris);
      m.put("post_logout_redirect_uris", postLogoutRedirectUris);
      m.put("grant_types", List.of("authorization_code", "refresh_token"));
      if (backchannelLogoutUri != null) {
        m.put("backchannel_logout_uri", backchannelLogoutUri);
        m.put("backchannel_logout_session_required", true);
      }
      return m;
    }
  }

  /** Starts building a provider that will listen on {@code port} (known beforehand, so clients can name it). */
  public static Builder on(int port) {
    return new Builder(port);
  }

  /** What to start. */
  public static final class Builder {
    private final int port;
    private final List<Map<String, Object>> clients = new ArrayList<>();
    private final Map<String, Map<String, Object>> accounts = new LinkedHashMap<>();
    private String signingKeys;
    private Duration accessTokenLifetime = Duration.ofHours(1);

    private Builder(int port) {
      this.port = port;
    }

    public Builder client(Client client) {
      clients.add(client.metadata());
      return this;
    }

    /**
     * The claims of the account {@code login} signs in as. A login not given here gets
     * {@code name "User <login>"} and the verified address {@code <login>@example.test}.
     */
    public Builder account(String login, Map<String, Object> claims) {
      accounts.put(login, Map.copyOf(claims));
      return this;
    }

    /** The provider's private JWK Set (JSON), so the test can also sign tokens as the provider. */
    public Builder signingKeys(String privateJwkSetJson) {
      this.signingKeys = privateJwkSetJson;
      return this;
    }

    public Builder accessTokenLifetime(Duration lifetime) {
      this.accessTokenLifetime = lifetime;
      return this;
    }

    /** Installs the npm packages if needed, starts the provider and waits for its discovery document. */
    public OidcProviderServer start() throws IOException, InterruptedException {
      String issuer = "http://127.0.0.1:" + port;
      Map<String, String> env = new LinkedHashMap<>();
      env.put("OP_CLIENTS", json(clients));
      env.put("OP_ACCOUNTS", json(accounts));
      env.put("OP_ACCESS_TOKEN_TTL", String.valueOf(accessTokenLifetime.toSeconds()));
      if (signingKeys != null) {
        env.put("OP_JWKS", signingKeys);
      }
      Path log = Path.of("target", "oidc-provider-" + port + ".log");
      return new OidcProviderServer(NodeServer.start(NodeServer.project(OidcProviderServer.class, "oidc-provider"), port, env,
          URI.create(issuer + "/.well-known/openid-configuration"), log), issuer);
    }
  }

  /** e.g. {@code http://127.0.0.1:41234}, exactly as its discovery document and tokens name it. */
  public String issuer() {
    return issuer;
  }

  @Override
  public void close() throws InterruptedException {
    node.close();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
