package dev.authjvm.conformance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.store.Authenticator;
import dev.authjvm.core.store.AuthenticatorStore;
import dev.authjvm.core.store.StoreException;
import dev.authjvm.core.user.User;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The passkey part of the store contract ({@link AuthenticatorStore}): Auth.js's getAuthenticator,
 * createAuthenticator, listAuthenticatorsByUserId and updateAuthenticatorCounter. A store that keeps no
 * passkeys skips these checks by design.
 */
public abstract class AuthenticatorChecks extends SessionRegistryChecks {
  AuthenticatorChecks() {}

  Authenticator passkey(String userId, String credentialId) {
    return new Authenticator(credentialId, userId, credentialId, "pQECAyYgASFYIB" + credentialId.substring(0, 8), 0,
        "multiDevice", true, "internal,hybrid");
  }

  @Nested
  @DisplayName("authenticators (passkeys): createAuthenticator, getAuthenticator, listAuthenticatorsByUserId, updateAuthenticatorCounter")
  class Authenticators {
    private AuthenticatorStore passkeys;

    @BeforeEach
    void requirePasskeys() {
      Assumptions.assumeTrue(store() instanceof AuthenticatorStore,
          "by design: " + store().getClass().getSimpleName() + " keeps no passkeys (it does not implement AuthenticatorStore)");
      passkeys = (AuthenticatorStore) store();
    }

    @Test
    void aCreatedAuthenticatorIsReadBackWithEveryField() {
      User user = newUser();
      Authenticator created = passkeys.createAuthenticator(passkey(user.id(), "cred+/" + randomId() + "=="));
      assertEquals(created, passkeys.getAuthenticator(created.credentialId()).orElseThrow());
    }

    @Test
    void aUsersAuthenticatorsAreListedInTheOrderTheyWereCreatedAndNoOthers() {
      User user = newUser();
      Authenticator first = passkeys.createAuthenticator(passkey(user.id(), randomId()));
      Authenticator second = passkeys.createAuthenticator(passkey(user.id(), randomId()));
      passkeys.createAuthenticator(passkey(newUser().id(), randomId()));
      assertEquals(List.of(first, second), passkeys.listAuthenticatorsByUserId(user.id()));
    }

    @Test
    void theCounterIsUpdated() {
      Authenticator created = passkeys.createAuthenticator(passkey(newUser().id(), randomId()));
      assertEquals(41, passkeys.updateAuthenticatorCounter(created.credentialId(), 41).orElseThrow().counter());
      assertEquals(41, passkeys.getAuthenticator(created.credentialId()).orElseThrow().counter());
    }

    @Test
    void anUnknownCredentialIsEmptyNotAnError() {
      assertTrue(passkeys.getAuthenticator(randomId()).isEmpty());
      assertTrue(passkeys.updateAuthenticatorCounter(randomId(), 1).isEmpty());
      assertEquals(List.of(), passkeys.listAuthenticatorsByUserId(randomId()));
    }

    @Test
    void aCredentialIdIsStoredOnlyOnce() {
      User user = newUser();
      Authenticator created = passkeys.createAuthenticator(passkey(user.id(), randomId()));
      assertThrows(StoreException.class, () -> passkeys.createAuthenticator(passkey(newUser().id(), created.credentialId())));
    }

    @Test
    void anAuthenticatorOfAnUnknownUserIsRefused() {
      assertThrows(StoreException.class, () -> passkeys.createAuthenticator(passkey(randomId(), randomId())));
    }

    @Test
    void deletingTheUserDeletesItsAuthenticators() {
      User user = newUser();
      Authenticator created = passkeys.createAuthenticator(passkey(user.id(), randomId()));
      store().deleteUser(user.id());
      assertTrue(passkeys.getAuthenticator(created.credentialId()).isEmpty());
    }
  }
}
