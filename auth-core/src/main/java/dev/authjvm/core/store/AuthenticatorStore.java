package dev.authjvm.core.store;

import java.util.List;
import java.util.Optional;

/**
 * A store that also keeps passkeys: the four authenticator methods of Auth.js's adapter contract. A
 * configuration with a WebAuthn provider needs its store to implement this. Implementations are
 * thread-safe and report failures as {@link StoreException}.
 */
public interface AuthenticatorStore {
  /** The authenticator with this credential id, if any. */
  Optional<Authenticator> getAuthenticator(String credentialId);

  /** Stores a new authenticator; fails if its credential id is stored already or its user does not exist. */
  Authenticator createAuthenticator(Authenticator authenticator);

  /** Every authenticator of the user, in the order they were created. */
  List<Authenticator> listAuthenticatorsByUserId(String userId);

  /** Sets the signature counter and returns the stored result; empty when the credential is unknown. */
  Optional<Authenticator> updateAuthenticatorCounter(String credentialId, long newCounter);
}
