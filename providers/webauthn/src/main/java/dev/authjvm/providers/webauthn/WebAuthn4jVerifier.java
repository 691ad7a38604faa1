package dev.authjvm.providers.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.exception.WebAuthnException;
import dev.authjvm.core.provider.RegisteredCredential;
import dev.authjvm.core.provider.WebAuthnCeremony;
import dev.authjvm.core.provider.WebAuthnVerificationException;
import dev.authjvm.core.store.Authenticator;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registrations and assertions verified by webauthn4j: the client data's type, challenge and origin, the
 * relying party id hash, user presence and (when required) verification, the attestation statement's
 * format, the algorithm, the signature with the stored key, and a signature counter that goes forward.
 * Attestation trust is not checked ("none" is what passkeys send), so the non-strict manager is used.
 */
final class WebAuthn4jVerifier {
  private static final ObjectConverter CONVERTER = new ObjectConverter();
  private static final WebAuthnManager MANAGER = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
  private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
      new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
      new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
      new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

  private final boolean requireUserVerification;

  WebAuthn4jVerifier(boolean requireUserVerification) {
    this.requireUserVerification = requireUserVerification;
  }

  RegisteredCredential registration(String responseJson, WebAuthnCeremony ceremony) {
    RegistrationData data;
    try {
      data = MANAGER.verify(MANAGER.parseRegistrationResponseJSON(responseJson),
          new RegistrationParameters(server(ceremony), ALGORITHMS, requireUserVerification, true));
    } catch (WebAuthnException | IllegalArgumentException | NullPointerException e) {
      throw refused("registration", e);
    }
    AuthenticatorData<?> authData = data.getAttestationObject().getAuthenticatorData();
    AttestedCredentialData credential = authData.getAttestedCredentialData();
    Base64.Encoder base64 = Base64.getEncoder();
    String transports = data.getTransports() == null || data.getTransports().isEmpty() ? null
        : data.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(","));
    return new RegisteredCredential(base64.encodeToString(credential.getCredentialId()),
        base64.encodeToString(CONVERTER.getCborConverter().writeValueAsBytes(credential.getCOSEKey())),
        authData.getSignCount(), authData.isFlagBE() ? "multiDevice" : "singleDevice", authData.isFlagBS(), transports);
  }

  long authentication(String responseJson, WebAuthnCeremony ceremony, Authenticator stored) {
    byte[] credentialId = Base64.getDecoder().decode(stored.credentialId());
    AuthenticationData data;
    try {
      COSEKey key = CONVERTER.getCborConverter().readValue(Base64.getDecoder().decode(stored.credentialPublicKey()),
          COSEKey.class);
      CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null,
          "multiDevice".equals(stored.credentialDeviceType()), stored.credentialBackedUp(), stored.counter(),
          new AttestedCredentialData(AAGUID.NULL, credentialId, key), null, null, null, transports(stored));
      data = MANAGER.verify(MANAGER.parseAuthenticationResponseJSON(responseJson),
          new AuthenticationParameters(server(ceremony), record, List.of(credentialId), requireUserVerification, true));
    } catch (WebAuthnException | IllegalArgumentException | NullPointerException e) {
      throw refused("assertion", e);
    }
    if (!Arrays.equals(data.getCredentialId(), credentialId)) {
      throw new WebAuthnVerificationException("the assertion is of another credential than the stored one");
    }
    return data.getAuthenticatorData().getSignCount();
  }

  private static ServerProperty server(WebAuthnCeremony ceremony) {
    return ServerProperty.builder().origin(new Origin(ceremony.relyingParty().origin()))
        .rpId(ceremony.relyingParty().id())
        .challenge(new DefaultChallenge(Base64.getUrlDecoder().decode(ceremony.challenge())))
        .build();
  }

  private static Set<AuthenticatorTransport> transports(Authenticator stored) {
    if (stored.transports() == null || stored.transports().isBlank()) {
      return null;
    }
    Set<AuthenticatorTransport> set = new LinkedHashSet<>();
    for (String t : stored.transports().split(",")) {
      set.add(AuthenticatorTransport.create(t.trim()));
    }
    return set;
  }

  /** webauthn4j's exception class names the failed check (BadChallengeException, BadOriginException, ...). */
  private static WebAuthnVerificationException refused(String what, RuntimeException e) {
    return new WebAuthnVerificationException("the " + what + " does not verify: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
  }
}
