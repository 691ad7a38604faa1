package dev.authjvm.providers.oauth.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.authjvm.oidc.testing.NodeServer;
import dev.authjvm.oidc.testing.OidcProviderDevLogin;
import dev.authjvm.oidc.testing.OidcProviderServer;
import dev.authjvm.oidc.testing.UserAgent;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The certified OpenID Provider of these tests (npm {@code oidc-provider}) on a port chosen before the
 * application starts, so the application's providers can name its issuer and its clients can name the
 * application's callbacks. The test holds its signing key (to sign tokens as the provider would) and
 * receives its back-channel logout requests.
 */
final class CertifiedProvider implements AutoCloseable {
  static final String CLIENT_ID = "authjvm-rp";
  static final String SECRET = "authjvm-rp-secret";
  final String issuer;
  final RSAKey signingKey;
  private final int port;
  private final HttpServer backChannel;
  private final BlockingQueue<String> logoutTokens = new LinkedBlockingQueue<>();
  private OidcProviderServer server;

  CertifiedProvider() {
    try {
      port = NodeServer.freePort();
      signingKey = new RSAKeyGenerator(2048).keyID("certified-op-key").keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256).generate();
      backChannel = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    issuer = "http://127.0.0.1:" + port;
    backChannel.createContext("/backchannel", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Arrays.stream(body.split("&")).filter(p -> p.startsWith("logout_token="))
          .forEach(p -> logoutTokens.add(p.substring("logout_token=".length())));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    backChannel.start();
  }

  /** A provider of the application, signing in at this OpenID Provider as {@code clientId}. */
  OAuthProviderBuilder provider(String id, String clientId) {
    return OAuthProvider.builder().id(id).name("Certified " + id).issuer(issuer).clientId(clientId).clientSecret(SECRET);
  }

  /**
   * The client {@code clientId}, registered for the callbacks of {@code providerIds} at {@code app}, with
   * {@code app/bye} after logout and this test's back-channel logout receiver.
   */
  OidcProviderServer.Client client(String clientId, URI app, String... providerIds) {
    return new OidcProviderServer.Client(clientId, SECRET,
        Arrays.stream(providerIds).map(id -> app + "/api/auth/callback/" + id).toList(), List.of(app + "/bye"),
        "http://127.0.0.1:" + backChannel.getAddress().getPort() + "/backchannel");
  }

  /** The builder of the provider on its port, signing with {@link #signingKey}. */
  OidcProviderServer.Builder configure() {
    return OidcProviderServer.on(port).signingKeys(new JWKSet(signingKey).toString(false));
  }

  /** Starts the provider so configured; skipped (or failed under CI) without Node.js. */
  void start(OidcProviderServer.Builder configured) throws IOException, InterruptedException {
    server = configured.start();
  }

  /**
   * The whole sign-in: {@code POST /signin/<id>} (with {@code authorizationParams}, e.g. {@code ?prompt=none}),
   * the user at the provider, and the callback; returns the callback's answer.
   */
  static HttpResponse<String> signIn(Browser browser, URI app, UserAgent atProvider, String login, String providerId,
      String authorizationParams) {
    String authorize = Browser.location(browser.startSignIn(app, providerId, authorizationParams));
    URI back = OidcProviderDevLogin.as(login).authorize(atProvider, URI.create(authorize));
    return browser.get(back.toString());
  }

  /** The next logout token the provider delivered, waiting for it a while. */
  String nextLogoutToken() throws InterruptedException {
    String token = logoutTokens.poll(30, TimeUnit.SECONDS);
    if (token == null) {
      throw new AssertionError("the provider delivered no logout token");
    }
    return token;
  }

  /** A JWT with these claims, signed as the provider signs (its key and kid), typed as {@code type}. */
  String sign(JWTClaimsSet claims, String type) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
        .type(new JOSEObjectType(type)).build(), claims);
    jwt.sign(new RSASSASigner(signingKey));
    return jwt.serialize();
  }

  @Override
  public void close() throws InterruptedException {
    if (server != null) {
      server.close();
    }
    backChannel.stop(0);
  }
}
