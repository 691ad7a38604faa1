package dev.authjvm.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.client.AuthClient;
import dev.authjvm.client.SignInResult;
import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.providers.email.EmailProvider;
import dev.authjvm.providers.email.VerificationRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An email sign-in from the client asks the server to send the link, as {@code signIn("email", {email,
 * redirect: false})} does. Against our server only: the official reference servers have no email provider.
 */
class EmailSignInTest {
  private final List<VerificationRequest> sent = new CopyOnWriteArrayList<>();
  private final OurApp app = OurApp.undertow(KitConfigs.builder().provider(EmailProvider.builder(sent::add).build())
      .store(new InMemoryAuthStore()).sessionStrategy(SessionStrategy.JWT).build(), null);

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void anEmailSignInSendsTheLinkAndPointsToTheCheckYourEmailPage() {
    try (AuthClient client = AuthClient.builder().baseUrl(app.baseUrl()).build()) {
      SignInResult result = client.signIn("email", Map.of("email", "alice@example.com"));
      assertTrue(result.succeeded(), result.toString());
      assertTrue(result.url().startsWith(app.baseUrl() + "/verify-request"), result.url());
      assertEquals("alice@example.com", sent.get(0).identifier());
      assertTrue(client.session().isEmpty(), "signed in only once the link is opened");
    }
  }

  @Test
  void anAddressThatIsNoAddressIsReportedAsTheServerNamesIt() {
    try (AuthClient client = AuthClient.builder().baseUrl(app.baseUrl()).build()) {
      SignInResult result = client.signIn("email", Map.of("email", "not an address"));
      assertEquals("EmailSignin", result.error());
      assertTrue(sent.isEmpty());
    }
  }
}
