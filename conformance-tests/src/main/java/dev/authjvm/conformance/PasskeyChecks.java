package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.conformance.http.SetCookieHeader;
import dev.authjvm.conformance.webauthn.SoftwareAuthenticator;
import dev.authjvm.core.callback.SignInDecision;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.providers.webauthn.PasskeyProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Passkeys as the official {@code next-auth/webauthn} client uses them, checked over HTTP with the kit's
 * software authenticator instead of a browser: options, registration, sign-in, more passkeys for a
 * signed-in user, and every forged or replayed answer refused with nothing stored.
 */
public abstract class PasskeyChecks extends SessionManagementChecks {
  static final String PASSKEY = "passkey";
  static final String OTHER = "passkey-other";
  static final String REFUSED = "refused-";

  @Nested
  @DisplayName("Passkeys: GET /webauthn-options/:provider and POST /callback/:provider")
  public class Passkeys extends Section {
    /** The user's passkey device; a new one for each check, since checks tamper with it. */
    private SoftwareAuthenticator authenticator;

    @BeforeEach
    void newAuthenticator() {
      authenticator = new SoftwareAuthenticator();
    }

    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      // The application's signIn callback refuses addresses starting with "refused-".
      return KitConfigs.builder().provider(PasskeyProvider.builder().build())
          .provider(PasskeyProvider.builder().id(OTHER).name("Other passkeys").build())
          .store(new InMemoryAuthStore()).credentialsDatabaseSessions(true)
          .callbacks(KitConfigs.callbacks().withSignIn(attempt -> attempt.user().email() != null
              && attempt.user().email().startsWith(REFUSED) ? SignInDecision.DENY : SignInDecision.ALLOW));
    }

    KitResponse options(KitClient client, String provider, Map<String, String> query) {
      StringBuilder q = new StringBuilder();
      query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      return client.get("webauthn-options/" + provider + q).send();
    }

    /** What {@code next-auth/webauthn}'s signIn posts, in its JSON mode. */
    KitResponse callback(KitClient client, String provider, String action, String data) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("action", action);
      form.put("data", data);
      form.put("csrfToken", client.csrfToken());
      form.put("callbackUrl", client.origin() + "/welcome");
      return client.post("callback/" + provider).header("X-Auth-Return-Redirect", "1").form(form).send();
    }

    /** Options, the authenticator's answer, the callback: a new user with a passkey, signed in. */
    KitResponse register(KitClient client, SoftwareAuthenticator device, String email) {
      JsonNode options = options(client, PASSKEY, Map.of("action", "register", "email", email)).json().path("options");
      return callback(client, PASSKEY, "register", device.register(options, client.origin()));
    }

    KitResponse authenticate(KitClient client, SoftwareAuthenticator device, String origin) {
      JsonNode options = options(client, PASSKEY, Map.of("action", "authenticate")).json().path("options");
      return callback(client, PASSKEY, "authenticate", device.authenticate(options, origin));
    }

    String newAddress() {
      return "passkey-" + UUID.randomUUID() + "@example.com";
    }

    String sessionEmail(KitClient client) {
      return client.get("session").send().json().path("user").path("email").asText(null);
    }

    void assertSignedIn(KitResponse r, KitClient client, String email) {
      assertEquals(200, r.status(), r.body());
      assertEquals(client.origin() + "/welcome", r.url(), r.body());
      assertEquals(email, sessionEmail(client));
    }

    /** Refused: the v5 client lands on the error page with WebAuthnVerificationError, and nobody is signed in. */
    void assertRefused(KitResponse r, KitClient client) {
      assertClean(r);
      assertTrue(r.url().endsWith("/error?error=WebAuthnVerificationError"), r.body());
      assertEquals("null", client.get("session").send().body(), "no session");
    }

    /** Nothing was stored: the address is still a new one, for which the options offer registration. */
    void assertNoUser(String email) {
      assertEquals("register", options(anotherBrowser(), PASSKEY, Map.of("email", email)).json().path("action").asText());
    }

    @Test
    void providersListsThePasskeyProviderWithTypeWebauthn() {
      assertEquals("webauthn", browser.get("providers").send().json().path(PASSKEY).path("type").asText());
    }

    @Test
    void optionsForANewAddressAreRegistrationOptionsOnTheServersOrigin() {
      String email = newAddress();
      KitResponse r = options(browser, PASSKEY, Map.of("email", email));
      assertEquals(200, r.status(), r.body());
      JsonNode o = r.json().path("options");
      assertEquals("register", r.json().path("action").asText());
      assertTrue(o.path("challenge").asText().matches("[A-Za-z0-9_-]{43}"), o.toString());
      assertEquals(URI.create(browser.origin()).getHost(), o.path("rp").path("id").asText());
      assertEquals(email, o.path("user").path("name").asText());
      assertTrue(o.path("user").path("id").asText().matches("[0-9a-f]{64}"), o.toString());
      assertEquals("none", o.path("attestation").asText());
      assertEquals(300000, o.path("timeout").asLong());
      assertEquals("required", o.path("authenticatorSelection").path("residentKey").asText());
      assertEquals("required", o.path("authenticatorSelection").path("userVerification").asText());
      assertTrue(o.path("extensions").path("credProps").asBoolean(), o.toString());
      assertEquals(Set.of(-8, -7, -257), Set.copyOf(StreamSupport.stream(o.path("pubKeyCredParams").spliterator(), false)
          .map(p -> p.path("alg").asInt()).toList()));
    }

    @Test
    void optionsWithoutAnAddressAreAuthenticationOptionsForAnyPasskeyOfTheSite() {
      KitResponse r = options(browser, PASSKEY, Map.of());
      assertEquals("authenticate", r.json().path("action").asText(), r.body());
      assertEquals(URI.create(browser.origin()).getHost(), r.json().path("options").path("rpId").asText());
      assertEquals("required", r.json().path("options").path("userVerification").asText());
      assertTrue(r.json().path("options").path("allowCredentials").isMissingNode(), r.body());
    }

    @Test
    void anotherActionIs400InvalidActionAndRegisteringWithoutAnAddressIs400InvalidRequest() {
      KitResponse action = options(browser, PASSKEY, Map.of("action", "delete"));
      assertEquals(400, action.status());
      assertEquals("Invalid action", action.json().path("error").asText());
      KitResponse noAddress = options(browser, PASSKEY, Map.of("action", "register"));
      assertEquals(400, noAddress.status());
      assertEquals("Invalid request", noAddress.json().path("error").asText());
    }

    @Test
    void optionsOfAProviderThatIsNotAWebAuthnOneAre400() {
      KitResponse r = options(browser, "credentials", Map.of());
      assertEquals(400, r.status(), r.body());
      assertClean(r);
    }

    @Test
    void theChallengeTravelsInAnHttpOnlyLaxCookieValidFifteenMinutes() {
      SetCookieHeader c = options(browser, PASSKEY, Map.of()).setCookie("authjs.challenge")
          .orElseThrow(() -> new AssertionError("no authjs.challenge cookie"));
      assertTrue(c.has("HttpOnly"), c.header());
      assertEquals("lax", c.attribute("SameSite").orElse("").toLowerCase(java.util.Locale.ROOT), c.header());
      long maxAge = Long.parseLong(c.attribute("Max-Age").orElse("0"));
      assertTrue(maxAge > 0 && maxAge <= 900, c.header());
    }

    @Test
    void aNewUserRegistersAPasskeyAndIsSignedIn() {
      String email = newAddress();
      assertSignedIn(register(browser, authenticator, email), browser, email);
    }

    @Test
    void theCallbackClearsTheChallengeCookie() {
      KitResponse r = register(browser, authenticator, newAddress());
      assertTrue(r.setCookie("authjs.challenge").map(SetCookieHeader::isDeletion).orElse(false),
          r.headers("Set-Cookie").toString());
    }

    @Test
    void aRegisteredPasskeySignsInInAnotherBrowserWithItsAddress() {
      String email = newAddress();
      register(browser, authenticator, email);
      KitClient other = anotherBrowser();
      JsonNode options = options(other, PASSKEY, Map.of("email", email)).json();
      assertEquals("authenticate", options.path("action").asText());
      assertEquals(authenticator.credentials().get(0).storedId(), java.util.Base64.getEncoder().encodeToString(
          java.util.Base64.getUrlDecoder().decode(options.path("options").path("allowCredentials").path(0).path("id").asText())));
      assertSignedIn(callback(other, PASSKEY, "authenticate",
          authenticator.authenticate(options.path("options"), other.origin())), other, email);
    }

    @Test
    void aDiscoverablePasskeySignsInWithoutAnAddress() {
      String email = newAddress();
      register(browser, authenticator, email);
      KitClient other = anotherBrowser();
      assertSignedIn(authenticate(other, authenticator, other.origin()), other, email);
    }

    @Test
    void aSignedInUserAddsAnotherPasskeyAndTheFirstIsExcluded() {
      String email = newAddress();
      register(browser, authenticator, email);
      JsonNode options = options(browser, PASSKEY, Map.of("action", "register")).json().path("options");
      assertEquals(List.of(authenticator.credentials().get(0).storedId()),
          StreamSupport.stream(options.path("excludeCredentials").spliterator(), false).map(c -> java.util.Base64.getEncoder()
              .encodeToString(java.util.Base64.getUrlDecoder().decode(c.path("id").asText()))).toList());
      SoftwareAuthenticator second = new SoftwareAuthenticator();
      assertSignedIn(callback(browser, PASSKEY, "register", second.register(options, browser.origin())), browser, email);
      KitClient other = anotherBrowser();
      assertSignedIn(authenticate(other, second, other.origin()), other, email);
    }

    @Test
    void aReplayedAssertionIsRefusedEvenWithItsCookies() {
      SoftwareAuthenticator synced = new SoftwareAuthenticator().countsSignatures(false);
      register(browser, synced, newAddress());
      KitClient attacker = anotherBrowser();
      JsonNode options = options(attacker, PASSKEY, Map.of()).json().path("options");
      String answer = synced.authenticate(options, attacker.origin());
      String csrf = attacker.csrfToken();
      Map<String, String> captured = new LinkedHashMap<>(attacker.cookies());
      Map<String, String> form = Map.of("action", "authenticate", "data", answer, "csrfToken", csrf);
      attacker.post("callback/" + PASSKEY).header("X-Auth-Return-Redirect", "1").form(form).send();
      attacker.cookies().clear();
      attacker.cookies().putAll(captured);
      assertRefused(attacker.post("callback/" + PASSKEY).header("X-Auth-Return-Redirect", "1").form(form).send(), attacker);
    }

    @Test
    void anAssertionMadeOnAnotherOriginIsRefused() {
      register(browser, authenticator, newAddress());
      KitClient other = anotherBrowser();
      assertRefused(authenticate(other, authenticator, "https://evil.example"), other);
    }

    @Test
    void anAssertionWithAnotherSitesRelyingPartyIdHashIsRefused() {
      register(browser, authenticator, newAddress());
      KitClient other = anotherBrowser();
      authenticator.hashesRelyingPartyId("evil.example");
      assertRefused(authenticate(other, authenticator, other.origin()), other);
    }

    @Test
    void anAnswerToAChallengeOfAnotherBrowserIsRefused() {
      register(browser, authenticator, newAddress());
      KitClient victim = anotherBrowser();
      KitClient attacker = anotherBrowser();
      JsonNode victimsOptions = options(victim, PASSKEY, Map.of()).json().path("options");
      options(attacker, PASSKEY, Map.of());
      assertRefused(callback(attacker, PASSKEY, "authenticate", authenticator.authenticate(victimsOptions,
          attacker.origin())), attacker);
    }

    @Test
    void anAnswerToAChallengeOfAnotherProviderIsRefused() {
      register(browser, authenticator, newAddress());
      KitClient other = anotherBrowser();
      JsonNode othersOptions = options(other, OTHER, Map.of()).json().path("options");
      assertRefused(callback(other, PASSKEY, "authenticate", authenticator.authenticate(othersOptions, other.origin())),
          other);
    }

    @Test
    void aSignatureCounterThatDoesNotGoForwardIsRefused() {
      register(browser, authenticator, newAddress());
      authenticate(anotherBrowser(), authenticator, browser.origin());
      authenticate(anotherBrowser(), authenticator, browser.origin());
      KitClient clone = anotherBrowser();
      authenticator.nextCounter(1);
      assertRefused(authenticate(clone, authenticator, clone.origin()), clone);
    }

    @Test
    void anUnknownCredentialIsRefused() {
      SoftwareAuthenticator stranger = new SoftwareAuthenticator();
      stranger.register(options(anotherBrowser(), PASSKEY, Map.of("email", newAddress())).json().path("options"),
          browser.origin());
      assertRefused(authenticate(browser, stranger, browser.origin()), browser);
    }

    @Test
    void anAssertionWithoutUserVerificationIsRefused() {
      register(browser, authenticator, newAddress());
      KitClient other = anotherBrowser();
      authenticator.verifiesUser(false);
      assertRefused(authenticate(other, authenticator, other.origin()), other);
    }

    @Test
    void aRegistrationWithoutUserVerificationIsRefusedAndStoresNothing() {
      String email = newAddress();
      assertRefused(register(browser, authenticator.verifiesUser(false), email), browser);
      assertNoUser(email);
    }

    @Test
    void aRegistrationMadeOnAnotherOriginIsRefusedAndStoresNothing() {
      String email = newAddress();
      JsonNode options = options(browser, PASSKEY, Map.of("email", email)).json().path("options");
      assertRefused(callback(browser, PASSKEY, "register", authenticator.register(options, "https://evil.example")), browser);
      assertNoUser(email);
    }

    @Test
    void aRegistrationTheSignInCallbackRefusesStoresNeitherUserNorPasskey() {
      String email = REFUSED + newAddress();
      KitResponse r = register(browser, authenticator, email);
      assertTrue(r.url().endsWith("/error?error=AccessDenied"), r.body());
      assertNoUser(email);
      KitClient other = anotherBrowser();
      assertRefused(authenticate(other, authenticator, other.origin()), other);
    }

    @Test
    void anotherUsersPasskeyWhileSignedInIsAccountNotLinkedAndKeepsTheSession() {
      String mine = newAddress();
      register(browser, authenticator, mine);
      SoftwareAuthenticator theirs = new SoftwareAuthenticator();
      register(anotherBrowser(), theirs, newAddress());
      // The options list only the signed-in user's passkeys; a hostile client answers with another one anyway.
      JsonNode options = options(browser, PASSKEY, Map.of("action", "authenticate")).json().path("options");
      KitResponse r = callback(browser, PASSKEY, "authenticate",
          theirs.assertWith(theirs.credentials().get(0), options, browser.origin()));
      assertTrue(r.url().contains("error=AccountNotLinked"), r.body());
      assertEquals(mine, sessionEmail(browser));
    }

    @Test
    void aCallbackWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
      String email = newAddress();
      JsonNode options = options(browser, PASSKEY, Map.of("email", email)).json().path("options");
      KitResponse r = browser.post("callback/" + PASSKEY).header("X-Auth-Return-Redirect", "1")
          .form(Map.of("action", "register", "data", authenticator.register(options, browser.origin()))).send();
      assertTrue(r.url().contains("error=MissingCSRF"), r.body());
      assertNoUser(email);
    }

    @Test
    void anAnswerThatIsNotWebAuthnIsAClientError() {
      options(browser, PASSKEY, Map.of());
      assertRefused(callback(browser, PASSKEY, "authenticate", "{\"id\":42}"), browser);
      assertRefused(callback(browser, PASSKEY, "authenticate", "not json"), browser);
    }

    @Test
    void theSignInPageOffersAPasskeyFormWhoseScriptTheServerServesAndTheCspAllowsAlone() {
      KitResponse page = browser.get("signin").send();
      assertTrue(page.body().contains("id=\"passkey-form\""), page.body());
      assertTrue(page.body().contains("autocomplete=\"username webauthn\""), page.body());
      String scriptUrl = browser.url("webauthn-script/" + PASSKEY);
      String csp = page.header("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("frame-ancestors 'none'"), csp);
      assertTrue(csp.contains("script-src " + scriptUrl), csp);
      assertFalse(csp.contains("unsafe-inline") || csp.contains("https://unpkg.com"), csp);
      int at = page.body().indexOf("<script src=\"" + scriptUrl);
      assertTrue(at >= 0, page.body());
      String src = page.body().substring(at + 13, page.body().indexOf('"', at + 13)).replace("&amp;", "&");
      KitResponse script = browser.get(src).send();
      assertEquals(200, script.status());
      assertTrue(script.header("Content-Type").orElse("").startsWith("text/javascript"), script.headers("Content-Type").toString());
      assertTrue(script.body().contains("@simplewebauthn/browser"), "the script bundles the browser library");
    }

    @Test
    void aHostTheServerDoesNotTrustGetsNoOptions() {
      KitResponse.Raw r = browser.raw("GET", path(browser, "webauthn-options/" + PASSKEY), ATTACKER_HOST, Map.of(), "");
      assertEquals(400, r.status(), r.body());
      assertFalse(r.body().contains(ATTACKER_HOST) || r.head().contains("challenge"), r.head() + r.body());
    }
  }
}
