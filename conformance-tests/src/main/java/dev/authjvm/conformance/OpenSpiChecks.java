package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.conformance.spi.ThirdPartyCredentials;
import dev.authjvm.conformance.spi.ThirdPartyEmailLink;
import dev.authjvm.conformance.spi.ThirdPartyRedirectFlow;
import dev.authjvm.conformance.spi.ThirdPartyWebAuthn;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The provider SPI is open: one provider of each of the four kinds, written against the interfaces alone (in
 * {@code dev.authjvm.conformance.spi}, none of them a class of the core or of the provider jars), signs
 * a user in through the adapter.
 */
public abstract class OpenSpiChecks extends HardeningChecks {

  @Nested
  @DisplayName("Open SPI: a provider of each kind written outside authjvm signs in")
  public class ThirdPartyProviders extends Section {
    private final ThirdPartyEmailLink mailbox = new ThirdPartyEmailLink();

    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder().provider(new ThirdPartyCredentials()).provider(new ThirdPartyRedirectFlow())
          .provider(mailbox).provider(new ThirdPartyWebAuthn()).store(new InMemoryAuthStore())
          .credentialsDatabaseSessions(true);
    }

    private String sessionName() {
      return browser.get("session").send().json().path("user").path("name").asText(null);
    }

    @Test
    void theProvidersAreListedWithTheirKindsTypes() {
      var providers = browser.get("providers").send().json();
      assertEquals("credentials", providers.path(ThirdPartyCredentials.ID).path("type").asText());
      assertEquals("oauth", providers.path(ThirdPartyRedirectFlow.ID).path("type").asText());
      assertEquals("email", providers.path(ThirdPartyEmailLink.ID).path("type").asText());
      assertEquals("webauthn", providers.path(ThirdPartyWebAuthn.ID).path("type").asText());
    }

    @Test
    void theSignInPageShowsEachKindsForm() {
      String page = browser.get("signin").send().body();
      assertTrue(page.contains("name=\"pin\"") && page.contains("name=\"login\""), "the PIN form's own fields");
      assertTrue(page.contains("/signin/" + ThirdPartyRedirectFlow.ID), "the redirect flow's button");
      assertTrue(page.contains("/signin/" + ThirdPartyEmailLink.ID) && page.contains("type=\"email\""), "the email form");
    }

    @Test
    void aCredentialsProviderOfItsOwnSignsIn() {
      KitResponse r = browser.post("callback/" + ThirdPartyCredentials.ID).header("X-Auth-Return-Redirect", "1")
          .form(Map.of("csrfToken", browser.csrfToken(), "login", "ada", "pin", ThirdPartyCredentials.PIN)).send();
      assertEquals(browser.origin(), r.url());
      assertEquals("PIN ada", sessionName());
    }

    @Test
    void aRedirectFlowOfItsOwnSignsIn() {
      KitResponse started = browser.post("signin/" + ThirdPartyRedirectFlow.ID + "?login_hint=grace")
          .header("X-Auth-Return-Redirect", "1").form(Map.of("csrfToken", browser.csrfToken())).send();
      String callback = started.url();
      KitResponse back = browser.get(callback.substring(callback.indexOf("callback/"))).send();
      assertEquals(302, back.status());
      assertEquals("Instant grace", sessionName());
    }

    @Test
    void anEmailLinkProviderOfItsOwnSignsIn() {
      String address = EmailChecks.newAddress();
      browser.post("signin/" + ThirdPartyEmailLink.ID).header("X-Auth-Return-Redirect", "1")
          .form(Map.of("csrfToken", browser.csrfToken(), "email", address)).send();
      String link = mailbox.lastLinkTo(address);
      assertNotNull(link, "the provider was asked to deliver a link");
      browser.get(link.substring(link.indexOf("callback/"))).send();
      assertEquals(address, EmailChecks.sessionEmail(browser));
    }

    @Test
    void aWebAuthnProviderOfItsOwnRegistersAndSignsIn() {
      String address = EmailChecks.newAddress();
      String credentialId = "dG95LWNyZWRlbnRpYWw";
      JsonNode options = browser.get("webauthn-options/" + ThirdPartyWebAuthn.ID + "?email=" + address).send().json();
      assertEquals("register", options.path("action").asText());
      postAnswer("register", ThirdPartyWebAuthn.answer(credentialId, options.path("options").path("challenge").asText(),
          browser.origin()));
      browser.post("signout").form(Map.of("csrfToken", browser.csrfToken())).send();
      JsonNode again = browser.get("webauthn-options/" + ThirdPartyWebAuthn.ID).send().json();
      postAnswer("authenticate", ThirdPartyWebAuthn.answer(credentialId, again.path("options").path("challenge").asText(),
          browser.origin()));
      assertEquals(address, EmailChecks.sessionEmail(browser));
    }

    private void postAnswer(String action, String data) {
      browser.post("callback/" + ThirdPartyWebAuthn.ID).header("X-Auth-Return-Redirect", "1")
          .form(Map.of("csrfToken", browser.csrfToken(), "action", action, "data", data)).send();
    }
  }
}
