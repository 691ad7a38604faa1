package dev.authjvm.core.provider;

import dev.authjvm.core.store.Authenticator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in with a passkey (a WebAuthn credential), as Auth.js's WebAuthn and Passkey providers do it.
 * The core does the protocol: {@code GET /webauthn-options/:id} picks registration or authentication,
 * makes a random challenge and keeps it in an encrypted cookie bound to this provider (and spends it once);
 * {@code POST /callback/:id} finds the stored authenticator, creates the user, account and authenticator
 * of a registration, and starts the session. The provider only speaks WebAuthn: it writes the options the
 * browser passes to {@code navigator.credentials}, and verifies what the authenticator answered.
 *
 * <p>A configuration with a provider of this kind needs a store that implements
 * {@link dev.authjvm.core.store.AuthenticatorStore}. {@code auth-provider-webauthn} implements it with webauthn4j.
 */
public non-sealed interface WebAuthnProvider extends Provider {
  @Override
  default <R> R match(Cases<R> cases) {
    return cases.webAuthn(this);
  }

  @Override
  default ProviderType type() {
    return ProviderType.WEBAUTHN;
  }

  /**
   * The options of {@code navigator.credentials.create()}, as JSON values in the shape of
   * {@code PublicKeyCredentialCreationOptionsJSON} (what SimpleWebAuthn's {@code generateRegistrationOptions}
   * answers, which the official clients pass to {@code startRegistration}).
   *
   * @param user               who registers; its {@code id} is random and never stored
   * @param excludeCredentials the user's passkeys already stored, which the browser must not register again
   */
  Map<String, Object> registrationOptions(WebAuthnCeremony ceremony, WebAuthnUserEntity user,
                                          List<Authenticator> excludeCredentials);

  /**
   * The options of {@code navigator.credentials.get()}, in the shape of {@code PublicKeyCredentialRequestOptionsJSON}.
   *
   * @param allowCredentials the passkeys of a known user, or empty to let the authenticator offer its own
   *                         (discoverable credentials, and the browser's autofill)
   */
  Map<String, Object> authenticationOptions(WebAuthnCeremony ceremony, List<Authenticator> allowCredentials);

  /**
   * Verifies a registration: the browser's {@code RegistrationResponseJSON} against the challenge, origin
   * and relying party id of this ceremony, and the provider's own rules (user verification, algorithms).
   *
   * @return the credential to store
   * @throws WebAuthnVerificationException naming what does not hold
   */
  RegisteredCredential verifyRegistration(String responseJson, WebAuthnCeremony ceremony);

  /**
   * Verifies an assertion of a stored passkey: challenge, origin, relying party id hash, user presence and
   * (when required) verification, the signature with the stored public key, and that the signature counter
   * went forward (a counter that does not is a cloned authenticator).
   *
   * @return the new signature counter to store
   * @throws WebAuthnVerificationException naming what does not hold
   */
  long verifyAuthentication(String responseJson, WebAuthnCeremony ceremony, Authenticator stored);

  /**
   * The script that drives the built-in sign-in page's passkey form (the browser library and the form's
   * glue in one file), served by this server at {@code <basePath>/webauthn-script/<id>}. The page marks the
   * form up as Auth.js's does: {@code <form id="<id>-form">} posting to the callback, its inputs flagged
   * {@code data-form-field}, and {@code data-options-url} naming this provider's options URL. Empty: the
   * page shows no passkey form (sign in with the client library instead).
   */
  default Optional<String> signInPageScript() {
    return Optional.empty();
  }
}
