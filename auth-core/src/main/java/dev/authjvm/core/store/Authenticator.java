package dev.authjvm.core.store;

/**
 * A passkey (WebAuthn credential) of a user, as Auth.js's adapters store it, so that a database shared
 * with an Auth.js deployment keeps its passkeys.
 *
 * @param credentialId         the credential id: standard Base64 with padding of the raw id
 * @param userId               the user it signs in
 * @param providerAccountId    the id of the user's account with the WebAuthn provider (the credential id, as Auth.js sets it)
 * @param credentialPublicKey  the COSE public key, standard Base64
 * @param counter              the signature counter last seen (clone detection)
 * @param credentialDeviceType {@code singleDevice} or {@code multiDevice}
 * @param credentialBackedUp   whether the authenticator says the credential is backed up (synced)
 * @param transports           comma-separated transport hints, e.g. {@code internal,hybrid}, or {@code null}
 */
public record Authenticator(String credentialId, String userId, String providerAccountId, String credentialPublicKey,
                            long counter, String credentialDeviceType, boolean credentialBackedUp, String transports) {
  public Authenticator withCounter(long newCounter) {
    return new Authenticator(credentialId, userId, providerAccountId, credentialPublicKey, newCounter,
        credentialDeviceType, credentialBackedUp, transports);
  }

  @Override
  public String toString() {
    return "Authenticator[" + credentialId + " of user " + userId + "]";
  }
}
