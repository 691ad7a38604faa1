package dev.authjvm.core.provider;

import java.util.Objects;

/**
 * One registration or authentication: the challenge the core made for it and the relying party it is for.
 *
 * @param challenge 32 random bytes, base64url without padding, as the browser echoes it in {@code clientDataJSON}
 */
public record WebAuthnCeremony(String challenge, RelyingParty relyingParty) {
  public WebAuthnCeremony {
    Objects.requireNonNull(challenge, "challenge");
    Objects.requireNonNull(relyingParty, "relyingParty");
  }
}
