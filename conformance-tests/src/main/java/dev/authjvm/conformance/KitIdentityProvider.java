package dev.authjvm.conformance;

import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The kit's own OpenID Connect provider (mock-oauth2-server on a free loopback port), started on
 * first use and shared by every OAuth check of the run; it signs users in without a login form.
 */
final class KitIdentityProvider {
  static final String CLIENT_ID = "conformance-kit";
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
  private static MockOAuth2Server server;

  private KitIdentityProvider() {}

  static synchronized MockOAuth2Server server() {
    if (server == null) {
      server = new MockOAuth2Server();
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
      warm(server);
    }
    return server;
  }

  /**
   * One answer before the checks: a cold server's first answers can take longer than the engine's read
   * timeout on a loaded machine, and a check should fail for the adapter, not for the warm-up.
   */
  private static void warm(MockOAuth2Server started) {
    for (String url : new String[] {started.wellKnownUrl("default").toString(), started.jwksUrl("default").toString()}) {
      try {
        HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** An OIDC provider with discovery from the kit's issuer {@code issuerId}. */
  static OAuthProvider oidc(String id, String issuerId) {
    return builder(id, issuerId).build();
  }

  /** As {@link #oidc}, with {@code response_mode=form_post}: the provider POSTs the code back, as Apple does. */
  static OAuthProvider oidcFormPost(String id, String issuerId) {
    return builder(id, issuerId).formPost(true).build();
  }

  private static OAuthProviderBuilder builder(String id, String issuerId) {
    return OAuthProvider.builder().id(id).name("Kit " + id).type(ProviderType.OIDC)
        .issuer(server().issuerUrl(issuerId).toString()).clientId(CLIENT_ID).clientSecret("kit-secret");
  }

  /** What the identity provider answers to the browser's visit of the authorization URL: a redirect to our callback. */
  static String authorize(String authorizationUrl) {
    HttpResponse<String> r = visit(authorizationUrl);
    return r.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("the identity provider did not redirect back: " + r.statusCode() + " " + r.body()));
  }

  /** For {@code response_mode=form_post}: the fields of the page that auto-submits to our callback. */
  static Map<String, String> authorizeFormPost(String authorizationUrl) {
    HttpResponse<String> r = visit(authorizationUrl);
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(r.body());
    while (hidden.find()) {
      fields.put(hidden.group(1), hidden.group(2));
    }
    if (!fields.containsKey("code")) {
      throw new AssertionError("the identity provider did not answer with a form_post page: " + r.statusCode() + " " + r.body());
    }
    return fields;
  }

  private static HttpResponse<String> visit(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("the identity provider cannot be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
