package dev.authjvm.client.testing;

import dev.authjvm.client.AuthClient;
import dev.authjvm.client.AuthClientBuilder;
import dev.authjvm.client.AuthProtocol;
import dev.authjvm.client.SignInResult;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.user.User;
import java.net.URI;
import java.util.Map;

/**
 * A signed-in user for a test, in one line, whatever the server under test is (Javalin, Undertow, a
 * servlet container, Auth.js itself): these helpers start nothing, they give you an {@link AuthClient}
 * or cookies.
 *
 * <pre>{@code
 * // Through the real sign-in, against a running server:
 * AuthClient alice = AuthTesting.signedIn(baseUrl, Map.of("username", "alice", "password", "secret"));
 * // Without one, with the application's own configuration (JWT sessions):
 * AuthClient bob = AuthTesting.withMintedSession(baseUrl, auth.config(), User.of("2", "Bob", "bob@example.com"));
 * HttpRequest.newBuilder(URI.create(app + "/account")).header("Cookie", bob.cookieHeader(URI.create(app + "/account")));
 * }</pre>
 */
public final class AuthTesting {
  private AuthTesting() {}

  /**
   * Signs in with the {@code credentials} provider (protocol v5) and returns the signed-in client.
   *
   * @throws AssertionError when the sign-in fails, with the server's error and code
   */
  public static AuthClient signedIn(String baseUrl, Map<String, String> credentials) {
    return signedIn(AuthClient.builder().baseUrl(baseUrl), "credentials", credentials);
  }

  /**
   * Signs in with a provider that signs in without a browser (credentials) and returns the client, which
   * owns the session cookie. Configure anything else (protocol, TLS) on the builder.
   *
   * @throws AssertionError when the sign-in fails or the server shows no session afterwards
   */
  public static AuthClient signedIn(AuthClientBuilder client, String provider, Map<String, String> fields) {
    AuthClient signedIn = client.build();
    SignInResult result = signedIn.signIn(provider, fields);
    if (!result.succeeded() || signedIn.session().isEmpty()) {
      signedIn.close();
      throw new AssertionError("sign-in with " + provider + " at " + signedIn.baseUrl() + " failed: " + result
          + (result.succeeded() ? " (the server shows no session afterwards)" : ""));
    }
    return signedIn;
  }

  /**
   * A client holding a session cookie minted for {@code user} with the application's configuration (its
   * secret, protocol, session lifetime and {@code jwt} callback, which sees a credentials sign-in), as if
   * the user had signed in. Its protocol follows the configuration's.
   *
   * @param baseUrl the API's URL on the server under test; https gives the {@code __Secure-} cookie name
   * @throws IllegalArgumentException for database sessions (sign in with {@link #signedIn} instead)
   */
  public static AuthClient withMintedSession(String baseUrl, AuthConfig config, User user) {
    AuthClientBuilder builder = AuthClient.builder().baseUrl(baseUrl)
        .protocol(config.protocol() == ProtocolVersion.V4 ? AuthProtocol.V4 : AuthProtocol.V5);
    boolean secure = config.useSecureCookies().orElse(URI.create(baseUrl).getScheme().equalsIgnoreCase("https"));
    mintSessionCookies(config, user, secure).cookies().forEach(builder::cookie);
    return builder.build();
  }

  /**
   * The session cookies a sign-in of {@code user} would set, minted with the application's
   * configuration without any HTTP request (JWT sessions only).
   *
   * @param secure whether the server runs on https (its cookie is then {@code __Secure-}prefixed)
   * @throws IllegalArgumentException for database sessions, or when the {@code jwt} callback refuses the user
   */
  public static SessionCookies mintSessionCookies(AuthConfig config, User user, boolean secure) {
    return new SessionCookies(CoreSessionMinter.mint(config, user, secure));
  }
}
