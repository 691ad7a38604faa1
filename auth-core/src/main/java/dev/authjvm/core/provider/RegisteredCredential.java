package dev.authjvm.core.provider;

import dev.authjvm.core.store.Authenticator;

/**
 * A verified new passkey, as it is stored (see {@link Authenticator} for the fields).
 *
 * @param credentialId standard Base64 with padding of the raw credential id
 * @param publicKey    the COSE public key, standard Base64
 */
public record RegisteredCredential(String credentialId, String publicKey, long counter, String deviceType,
                                   boolean backedUp, String transports) {

  /** The authenticator record of this credential for its user; the account id is the credential id, as in Auth.js. */
  public Authenticator toAuthenticator(String userId) {
    return new Authenticator(credentialId, userId, credentialId, publicKey, counter, deviceType, backedUp, transports);
  }
}
